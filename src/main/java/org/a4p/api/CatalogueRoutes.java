package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.templates.WriteTemplate;
import org.a4p.web.FailedRequest;

/** The pack's catalogue: org units, record types (restricted fields marked) and their Excel templates, indicators. */
final class CatalogueRoutes {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Catalogue catalogue;
    private final WriteTemplate writeTemplate;

    CatalogueRoutes(Catalogue catalogue, WriteTemplate writeTemplate) {
        this.catalogue = catalogue;
        this.writeTemplate = writeTemplate;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/org-units", this::orgUnits);
        routes.get("/api/v1/record-types", this::recordTypes);
        routes.get("/api/v1/record-types/{type}", this::recordType);
        routes.get("/api/v1/record-types/{type}/template", this::template);
        routes.get("/api/v1/indicators", this::indicators);
    }

    private void orgUnits(Context ctx) {
        Params.only(ctx, "level");
        ctx.json(catalogue.orgUnits(Params.oneOf(ctx, "level", "scope", "mission", "site")));
    }

    private void recordTypes(Context ctx) {
        Params.only(ctx);
        ctx.json(catalogue.recordTypes());
    }

    private void recordType(Context ctx) {
        Params.only(ctx);
        ctx.json(catalogue.recordType(ctx.pathParam("type")).orElseThrow(FailedRequest::new));
    }

    private void indicators(Context ctx) {
        Params.only(ctx, "priority");
        ctx.json(catalogue.indicators(Params.text(ctx, "priority")).orElseThrow(FailedRequest::new));
    }

    /** The workbook is written to a temporary file (POI writes files), sent, and deleted. */
    private void template(Context ctx) throws IOException {
        Params.only(ctx);
        Path folder = Files.createTempDirectory("a4p-template-");
        try {
            WriteTemplate.Written written = writeTemplate.run(new WriteTemplate.Request(ctx.pathParam("type"),
                    folder.resolve("template.xlsx"), false)).orElseThrow(FailedRequest::new);
            ctx.contentType(XLSX).header("Content-Disposition", "attachment; filename=\"" + written.recordType() + ".xlsx\"")
                    .result(Files.readAllBytes(written.file()));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Files.deleteIfExists(folder);
        }
    }
}
