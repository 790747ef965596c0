package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.i18n.Messages;
import org.a4p.ingest.IssueReport;
import org.a4p.ingest.SubmitRecords;
import org.a4p.pack.Layout;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.templates.WriteTemplate;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;
import org.a4p.web.Uploads;

/**
 * {@code /data}: send a file of one record type (the same use case as {@code POST
 * /api/v1/submissions}), see its row errors and download them as CSV; and the Excel templates.
 * A good file leads to its submission's page; a refused one is shown again with every error.
 */
public final class UploadPage implements PageRoutes.PageTable {
    static final Role[] SENDERS = {Role.MISSION_OFFICER, Role.ANALYST, Role.ADMIN};
    /** The layout value that stands for the record type's own columns. */
    static final String OWN_LAYOUT = "own";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The form, as sent or empty; {@code refusal} the last refusal shown, null when none. */
    public record Form(List<Choices.Option> types, String type, List<Choices.Option> layouts, String layout, boolean draft,
            boolean acceptImplausible, boolean choosesLayout, boolean acceptsImplausible, String problem, Refusal refusal,
            List<Choices.Option> templates) {}

    /** A refused file: its errors (the first listed), the implausible findings apart, and where to download them. */
    public record Refusal(String fileName, long errorCount, int listed, boolean outsideScope, List<IssueRows.Row> errors,
            List<String> implausible, String reportKey) {}

    private final Pack pack;
    private final PageFrame frame;
    private final SubmitRecords submit;
    private final WriteTemplate writeTemplate;
    private final UploadReports reports;

    UploadPage(App app, PageFrame frame, UploadReports reports) {
        this.pack = app.pack();
        this.frame = frame;
        this.submit = new SubmitRecords(app.pack(), app.importer(), app.accounts().reportDenial());
        this.writeTemplate = new WriteTemplate(app.pack());
        this.reports = reports;
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/data", ctx -> show(ctx, PageFrame.require(ctx, SENDERS), null, null, null));
        routes.post("/data/upload", this::upload);
        routes.get("/data/errors/{key}", this::errors);
        routes.get("/data/templates/{type}", this::template);
    }

    private void show(Context ctx, Viewer viewer, SubmitRecords.Request sent, String problem, Refusal refusal) {
        Messages words = PageFrame.words(ctx);
        boolean hq = !scoped(viewer);
        String type = sent == null ? ctx.queryParam("type") : sent.recordType();
        String layout = sent == null || sent.layout() == null ? "" : sent.layout().equals(sent.recordType()) ? OWN_LAYOUT : sent.layout();
        Form form = new Form(types(), type, layouts(words), layout, sent != null && sent.draft(), sent != null && sent.acceptImplausible(),
                hq, viewer.is(Role.ANALYST, Role.ADMIN), problem, refusal, types());
        Page page = frame.page(ctx, words.get("data.title"), "data");
        PageFrame.send(ctx, "data.jte", "page", page, "form", form);
    }

    private void upload(Context ctx) throws IOException {
        Viewer viewer = PageFrame.require(ctx, SENDERS);
        Messages words = PageFrame.words(ctx);
        List<UploadedFile> files = Uploads.parts(ctx, "file");
        String type = field(ctx, "type");
        String layout = field(ctx, "layout");
        if (OWN_LAYOUT.equals(layout)) {
            layout = type;
        }
        boolean hq = !scoped(viewer);
        boolean accept = hq && ctx.formParam("accept_implausible") != null;
        UploadedFile file = files.isEmpty() || files.get(0).size() == 0 && files.get(0).filename().isEmpty() ? null : files.get(0);
        String fileName = file == null ? "" : Uploads.fileName(file.filename());
        byte[] bytes;
        if (file == null) {
            bytes = new byte[0];
        } else {
            try (InputStream in = file.content()) {
                bytes = in.readNBytes(Uploads.MAX_BYTES + 1);
            }
        }
        SubmitRecords.Request request = new SubmitRecords.Request(viewer.name(), hq ? null : viewer.user().missions(), type,
                hq ? layout : null, fileName, bytes, ctx.formParam("draft") != null, accept);
        if (type == null || pack.recordType(type).isEmpty()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, viewer, request, words.get("data.upload.no_type"), null);
            return;
        }
        if (file == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            show(ctx, viewer, request, words.get("data.upload.no_file"), null);
            return;
        }
        if (bytes.length > Uploads.MAX_BYTES) {
            throw HttpProblem.tooLarge("Expected a file of at most " + Uploads.MAX_BYTES / (1024 * 1024) + " MiB.");
        }
        SubmitRecords.Result result = submit.run(request);
        if (result instanceof SubmitRecords.Submitted submitted) {
            String key = submitted.warnings().isEmpty() ? null
                    : reports.keep(viewer.name(), fileName, List.of(), 0, submitted.warnings());
            ctx.redirect("/data/submissions/" + submitted.submission().id() + "?sent=1" + (key == null ? "" : "&report=" + key),
                    HttpStatus.SEE_OTHER);
        } else if (result instanceof SubmitRecords.RowsRefused refused) {
            String key = reports.keep(viewer.name(), refused.fileName(), refused.errors(), refused.errorCount(), List.of());
            List<IssueRows.Row> rows = IssueRows.rows(refused.errors());
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            show(ctx, viewer, request, null, new Refusal(refused.fileName(), refused.errorCount(), refused.errors().size(),
                    refused.outsideScope(), rows, IssueRows.implausible(refused.errors()), key));
        } else {
            var failure = ((SubmitRecords.Refused) result).failure();
            ctx.status(FailedRequest.status(failure));
            show(ctx, viewer, request, failure.message(), null);
        }
    }

    /** Every error (and warning) of an upload as CSV, as {@code import --errors FILE} writes it. */
    private void errors(Context ctx) throws IOException {
        Viewer viewer = PageFrame.require(ctx, SENDERS);
        UploadReports.Report report = reports.find(ctx.pathParam("key"), viewer.name())
                .orElseThrow(() -> new FailedRequest(Failure.notFound(PageFrame.words(ctx).get("data.errors.gone"))));
        StringWriter csv = new StringWriter();
        IssueReport.write(csv, report.errors(), report.warnings());
        String name = report.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + "-errors.csv\"")
                .result(csv.toString());
    }

    /** The workbook is written to a temporary file (POI writes files), sent, and deleted; as {@code GET /api/v1/record-types/{type}/template}. */
    private void template(Context ctx) throws IOException {
        PageFrame.require(ctx, SENDERS);
        Path folder = Files.createTempDirectory("a4p-template-");
        Path file = folder.resolve("template.xlsx");
        try {
            WriteTemplate.Written written = writeTemplate.run(new WriteTemplate.Request(ctx.pathParam("type"), file, false))
                    .orElseThrow(FailedRequest::new);
            ctx.contentType(XLSX).header("Content-Disposition", "attachment; filename=\"" + written.recordType() + ".xlsx\"")
                    .result(Files.readAllBytes(written.file()));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    /** The record types a file may hold: every one but those the system writes itself. */
    private List<Choices.Option> types() {
        return pack.recordTypes().values().stream().filter(type -> !type.reporting().system())
                .sorted(Comparator.comparing(RecordType::id)).map(type -> new Choices.Option(type.id(), type.name(), null)).toList();
    }

    private List<Choices.Option> layouts(Messages words) {
        List<Choices.Option> options = new ArrayList<>();
        options.add(new Choices.Option("", words.get("data.upload.layout.header"), null));
        options.add(new Choices.Option(OWN_LAYOUT, words.get("data.upload.layout.own"), null));
        for (Layout layout : pack.layouts().values()) {
            options.add(new Choices.Option(layout.id(), layout.name() + " (" + layout.recordType() + ")", null));
        }
        return options;
    }

    /** A mission officer works for its missions only, in its record types' own layout. */
    static boolean scoped(Viewer viewer) {
        return !viewer.user().missions().isEmpty();
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
