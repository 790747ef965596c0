package org.a4p.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.router.Endpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.a4p.web.HttpProblem;

/**
 * {@code GET /metrics} in Prometheus's text format, and the timing of every HTTP request by the
 * route template it matched. Open to whoever reaches the port unless a token is set; then a
 * scraper sends it as {@code Authorization: Bearer TOKEN}.
 */
public final class MetricsRoutes {
    /** The route label of a request that matched no route: a static file, a 404, a 405. */
    static final String UNMATCHED = "unmatched";

    private final Metrics metrics;
    private final byte[] token;

    /** {@code token} null: no token asked. */
    public MetricsRoutes(Metrics metrics, String token) {
        this.metrics = metrics;
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    public void addTo(JavalinConfig config) {
        metrics.bind();
        // Runs once the response is written, errors and refusals included.
        config.requestLogger.http((ctx, milliseconds) -> metrics.request(ctx.method().name(), route(ctx), ctx.statusCode(),
                Duration.ofNanos((long) (milliseconds * 1_000_000))));
        config.routes.get("/metrics", this::scrape);
    }

    private void scrape(Context ctx) {
        if (token != null && !MessageDigest.isEqual(token, bearer(ctx).getBytes(StandardCharsets.UTF_8))) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
            throw HttpProblem.unauthorized("/metrics needs the metrics token: Authorization: Bearer TOKEN");
        }
        ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape());
    }

    private static String bearer(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        return header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : "";
    }

    /** The template of the route matched, as OpenAPI writes it ({@code /assets/{library}/{file}}): never the path asked. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path.replaceAll("<([^>]+)>", "{$1}");
    }
}
