package org.a4p.sdmx;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.a4p.app.Json;
import org.a4p.i18n.Language;
import org.a4p.release.Release;
import org.a4p.web.HttpProblem;

/**
 * The SDMX REST edge, open to everyone (it serves published releases only): data at
 * {@code /sdmx/data/{flow}[/{key}]} and {@code /sdmx/data/dataflow/{agency}/{flow}/{version}[/{key}]}
 * as SDMX-JSON 2.0 (the default) or SDMX-CSV 2.0 ({@code Accept}, or {@code ?format=csv|json});
 * structures at {@code /sdmx/structure/{resource}[/{agency}[/{id}[/{version}]]]}. Each answer has an
 * ETag made from the latest release, the request and the representation, so a client that asks
 * again with {@code If-None-Match} gets 304 until a new release is published.
 */
public final class SdmxRoutes {
    static final String JSON = "application/vnd.sdmx.data+json";
    static final String CSV = "application/vnd.sdmx.data+csv";
    static final String STRUCTURE_JSON = "application/vnd.sdmx.structure+json";

    /** The representation asked for: its media type (with version) and writer kind. */
    private record Representation(boolean csv, String mediaType) {}

    private final SdmxData data;
    private final Clock clock;

    public SdmxRoutes(SdmxData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/sdmx/data/{flow}", ctx -> data(ctx, "*", ctx.pathParam("flow"), "*", null));
        routes.get("/sdmx/data/{flow}/{key}", ctx -> data(ctx, "*", ctx.pathParam("flow"), "*", ctx.pathParam("key")));
        routes.get("/sdmx/data/dataflow/{agency}/{flow}/{version}",
                ctx -> data(ctx, ctx.pathParam("agency"), ctx.pathParam("flow"), ctx.pathParam("version"), null));
        routes.get("/sdmx/data/dataflow/{agency}/{flow}/{version}/{key}",
                ctx -> data(ctx, ctx.pathParam("agency"), ctx.pathParam("flow"), ctx.pathParam("version"), ctx.pathParam("key")));
        routes.get("/sdmx/structure/{resource}", ctx -> structure(ctx, null, null, null));
        routes.get("/sdmx/structure/{resource}/{agency}", ctx -> structure(ctx, ctx.pathParam("agency"), null, null));
        routes.get("/sdmx/structure/{resource}/{agency}/{id}", ctx -> structure(ctx, ctx.pathParam("agency"), ctx.pathParam("id"), null));
        routes.get("/sdmx/structure/{resource}/{agency}/{id}/{version}",
                ctx -> structure(ctx, ctx.pathParam("agency"), ctx.pathParam("id"), ctx.pathParam("version")));
    }

    private void data(Context ctx, String agency, String flow, String version, String key) throws IOException {
        if (!(agency.equals("*") || agency.equals(DataStructure.AGENCY)) || !flow.equals(DataStructure.FLOW)
                || !List.of("*", "~", "latest", "+", DataStructure.VERSION).contains(version)) {
            throw HttpProblem.notFound("there is no dataflow " + agency + ":" + flow + "(" + version + "); the one served is "
                    + DataStructure.flowReference() + ", at /sdmx/data/" + DataStructure.FLOW);
        }
        Map<String, String> parameters = parameters(ctx);
        Representation representation = representation(ctx, parameters.get("format"));
        SdmxQuery query;
        try {
            query = SdmxQuery.parse(key, parameters);
        } catch (SdmxQuery.Invalid e) {
            throw HttpProblem.badParameter(e.parameter(), null, e.getMessage());
        }
        Release release = data.latest().orElseThrow(() -> HttpProblem.notFound("no release has been published yet: SDMX serves published values only"));
        Language language = language(ctx);
        String etag = etag(release.number() + "\n" + release.contentSha256(), ctx, representation.mediaType(), language);
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept, Accept-Language");
        ctx.header("Cache-Control", "public, no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(representation.mediaType() + (representation.csv() ? "; charset=utf-8" : ""));
        if (representation.csv()) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + DataStructure.FLOW + "-release-" + release.number() + ".csv\"");
        }
        OutputStream out = ctx.outputStream();
        long observations = data.write(release, query, representation.csv() ? SdmxData.Format.CSV : SdmxData.Format.JSON, out, language, self(ctx));
        if (observations == 0) {
            ctx.removeHeader("ETag");
            throw HttpProblem.notFound("no published value matches the query (SDMX 100, no results found): check the key's codes against"
                    + " /sdmx/structure/datastructure/" + DataStructure.AGENCY + "/" + DataStructure.DSD + "?references=children");
        }
        out.flush();
    }

    private void structure(Context ctx, String agency, String id, String version) {
        String resource = ctx.pathParam("resource");
        if (!SdmxStructure.RESOURCES.contains(resource)) {
            throw HttpProblem.notFound("there is no structure resource '" + resource + "': expected " + String.join(", ", SdmxStructure.RESOURCES));
        }
        Map<String, String> parameters = parameters(ctx);
        for (String name : parameters.keySet()) {
            if (!List.of("references", "detail").contains(name)) {
                throw HttpProblem.badParameter(name, parameters.get(name), "expected only references= or detail=full");
            }
        }
        String references = parameters.getOrDefault("references", "none");
        if (!SdmxStructure.REFERENCES.contains(references)) {
            throw HttpProblem.badParameter("references", references, "expected " + String.join(", ", SdmxStructure.REFERENCES));
        }
        if (parameters.containsKey("detail") && !parameters.get("detail").equals("full")) {
            throw HttpProblem.badParameter("detail", parameters.get("detail"), "expected full (the only detail served)");
        }
        String accept = ctx.header("Accept");
        if (accept != null && !accepts(accept, STRUCTURE_JSON) && !accepts(accept, "application/json") && !accepts(accept, "*/*")) {
            throw HttpProblem.notAcceptable("structures are served as " + STRUCTURE_JSON + ";version=2.0.0 only, not '" + accept + "'");
        }
        String mediaType = STRUCTURE_JSON + ";version=" + version(accept);
        Language language = language(ctx);
        String latest = data.latest().map(r -> r.number() + "\n" + r.contentSha256()).orElse("none");
        String etag = etag(latest, ctx, mediaType, language);
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept, Accept-Language");
        ctx.header("Cache-Control", "public, no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        var message = new SdmxStructure(data.structure(), language).message(resource, agency, id, version, references, clock.instant(), self(ctx));
        if (message == null) {
            ctx.removeHeader("ETag");
            throw HttpProblem.notFound("there is no " + resource + " " + (agency == null ? "*" : agency) + ":" + (id == null ? "*" : id) + "("
                    + (version == null ? "*" : version) + "); this server maintains agency " + DataStructure.AGENCY + ", version " + DataStructure.VERSION);
        }
        ctx.contentType(mediaType).result(Json.write(message).getBytes(StandardCharsets.UTF_8));
    }

    /** The query string, one value per parameter; a parameter given twice is refused. */
    private static Map<String, String> parameters(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (values.size() != 1) {
                throw HttpProblem.badParameter(name, null, "expected one value");
            }
            out.put(name, values.get(0));
        });
        return out;
    }

    private static Representation representation(Context ctx, String format) {
        if (format != null) {
            return switch (format) {
                case "csv", "sdmx-csv" -> new Representation(true, CSV + ";version=2.0.0");
                case "json", "sdmx-json" -> new Representation(false, JSON + ";version=2.0.0");
                default -> throw HttpProblem.badParameter("format", format, "expected csv or json");
            };
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank() || accepts(accept, JSON) || accepts(accept, "application/json") || accepts(accept, "*/*")) {
            if (accept != null && accepts(accept, CSV) && !accepts(accept, JSON)) {
                return new Representation(true, CSV + ";version=" + version(accept));
            }
            return new Representation(false, JSON + ";version=" + version(accept));
        }
        if (accepts(accept, CSV) || accepts(accept, "text/csv")) {
            return new Representation(true, CSV + ";version=" + version(accept));
        }
        throw HttpProblem.notAcceptable("data is served as " + JSON + ";version=2.0.0 (the default) or " + CSV
                + ";version=2.0.0 (or ?format=csv), not '" + accept + "'");
    }

    private static boolean accepts(String accept, String mediaType) {
        for (String part : accept.split(",")) {
            if (part.strip().toLowerCase(java.util.Locale.ROOT).startsWith(mediaType)) {
                return true;
            }
        }
        return false;
    }

    /** 2.1.0 when the caller asks for it (the content is the same), else 2.0.0. */
    private static String version(String accept) {
        return accept != null && accept.replace(" ", "").contains("version=2.1") ? "2.1.0" : "2.0.0";
    }

    private static Language language(Context ctx) {
        String accept = ctx.header("Accept-Language");
        return accept != null && accept.strip().toLowerCase(java.util.Locale.ROOT).startsWith("fr") ? Language.FR : Language.EN;
    }

    private static String self(Context ctx) {
        return ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
    }

    /** A strong ETag over what the answer depends on: the data's state, the path, the query (sorted), the representation, the language. */
    private static String etag(String state, Context ctx, String mediaType, Language language) {
        StringBuilder basis = new StringBuilder(state).append('\n').append(ctx.path()).append('\n');
        new TreeMap<>(ctx.queryParamMap()).forEach((name, values) -> basis.append(name).append('=').append(values).append('&'));
        basis.append('\n').append(mediaType).append('\n').append(language.code());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.toString().getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
