package org.a4p.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Header;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.a4p.web.Webjars;

/**
 * The API's OpenAPI document ({@code /api/openapi.json}, written by hand in
 * {@code resources/api/openapi.json}) and a browser for it ({@code /api/docs}): our own page, which
 * loads Swagger UI's bundle from its webjar and our initializer script, so no inline script runs.
 */
public final class ApiDocs {
    static final String DOCUMENT_PATH = "/api/openapi.json";
    static final String PAGE_PATH = "/api/docs";
    /** The few webjar files the page uses; the webjar's own index.html (inline script) is not served. */
    private static final Set<String> SWAGGER_FILES = Set.of("swagger-ui.css", "swagger-ui-bundle.js", "favicon-32x32.png", "favicon-16x16.png");

    private final byte[] document = resource("/api/openapi.json");
    private final byte[] page = resource("/api/docs/index.html");

    public void addTo(JavalinConfig config) {
        config.routes.get(DOCUMENT_PATH, ctx -> ctx.contentType("application/json").result(document));
        config.routes.get(PAGE_PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        config.staticFiles.add(files -> {
            files.hostedPath = PAGE_PATH + "/swagger-ui";
            files.directory = "META-INF/resources/webjars/swagger-ui/" + Webjars.version("org.webjars", "swagger-ui");
            files.location = Location.CLASSPATH;
            files.headers = Map.of(Header.CACHE_CONTROL, "max-age=86400");
            files.skipFileFunction = request -> !SWAGGER_FILES.contains(fileName(request.getRequestURI()));
        });
        config.staticFiles.add(files -> {
            files.hostedPath = PAGE_PATH + "/app";
            files.directory = "api/docs/app";
            files.location = Location.CLASSPATH;
        });
    }

    private static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
