package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.a4p.web.Webjars;

/**
 * {@code /assets/echarts/…} and {@code /assets/leaflet/…}: the chart and map libraries, served
 * from their webjars on the classpath, so the pages load nothing from outside the server. A route
 * rather than a static-files folder: webjars carry no directory entries, which static folders need.
 */
final class Assets implements PageRoutes.PageTable {
    private static final Map<String, String> FOLDERS = Map.of(
            "echarts", "/META-INF/resources/webjars/echarts/" + Webjars.version("org.webjars", "echarts") + "/",
            "leaflet", "/META-INF/resources/webjars/leaflet/" + Webjars.version("org.webjars.npm", "leaflet") + "/dist/");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "png", "image/png", "svg", "image/svg+xml", "map", "application/json");

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/assets/{library}/<file>", this::serve);
    }

    private void serve(Context ctx) {
        String folder = FOLDERS.get(ctx.pathParam("library"));
        String file = ctx.pathParam("file");
        String extension = file.substring(file.lastIndexOf('.') + 1);
        if (folder == null || file.contains("..") || file.startsWith("/") || !TYPES.containsKey(extension)) {
            throw new NotFoundResponse();
        }
        try (InputStream in = Assets.class.getResourceAsStream(folder + file)) {
            if (in == null) {
                throw new NotFoundResponse();
            }
            ctx.contentType(TYPES.get(extension)).header(Header.CACHE_CONTROL, "max-age=86400").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
