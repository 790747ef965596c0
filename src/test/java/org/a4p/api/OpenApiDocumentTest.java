package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.a4p.web.Http;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hand-written OpenAPI document against the routes Javalin really holds: every registered
 * route is described, and the document names no route that does not exist.
 */
class OpenApiDocumentTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static App app;
    static WebServer server;
    static Http http;

    @BeforeAll
    static void start() {
        app = Fixtures.app(Databases.h2Url("openapi"));
        server = WebServer.start(app, ServerSettings.loopback(0));
        http = new Http(server.url());
    }

    @AfterAll
    static void stop() {
        server.stop();
        app.close();
    }

    @Test
    void documentDescribesExactlyTheRegisteredRoutes() throws IOException {
        assertThat(registered(server)).contains("GET /api/docs", "GET /api/openapi.json", "GET /health", "GET /ready");
        assertThat(documented(servedDocument())).containsExactlyElementsOf(registered(server));
    }

    @Test
    void checkNamesARouteTheDocumentLacks() {
        App other = Fixtures.app(Databases.h2Url("openapi-extra"));
        WebServer extra = WebServer.start(other, ServerSettings.loopback(0),
                config -> config.routes.post("/api/undocumented/{id}", ctx -> ctx.result("x")));
        try {
            Set<String> missing = new TreeSet<>(registered(extra));
            missing.removeAll(documented(servedDocument()));
            assertThat(missing).containsExactly("POST /api/undocumented/{id}");
        } finally {
            extra.stop();
            other.close();
        }
    }

    @Test
    void checkNamesARouteThatDoesNotExist() throws IOException {
        JsonNode document = servedDocument();
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.get("paths")).putObject("/ghost").putObject("get");
        Set<String> ghosts = new TreeSet<>(documented(document));
        ghosts.removeAll(registered(server));
        assertThat(ghosts).containsExactly("GET /ghost");
    }

    @Test
    void servedDocumentIsTheResourceAndValidOpenApi31() throws IOException {
        HttpResponse<String> response = http.get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        try (InputStream in = ApiDocs.class.getResourceAsStream("/api/openapi.json")) {
            assertThat(Json.mapper().readTree(response.body())).isEqualTo(Json.mapper().readTree(in));
        }
        JsonNode document = Http.json(response);
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> dangling = new ArrayList<>();
        document.findValues("$ref").forEach(ref -> {
            String pointer = ref.asText().substring(1); // "#/components/..." -> "/components/..."
            if (document.at(pointer).isMissingNode()) {
                dangling.add(ref.asText());
            }
        });
        assertThat(dangling).isEmpty();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                assertThat(operation.getValue().get("responses").has("default")).as(path.getKey() + " " + operation.getKey()).isTrue()));
    }

    /** Method and path of every operation in the document, as "GET /health". */
    static Set<String> documented(JsonNode document) {
        Set<String> routes = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                routes.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return routes;
    }

    /** The API's routes and the health checks: the web pages are not the API's. */
    static Set<String> registered(WebServer server) {
        Set<String> routes = new LinkedHashSet<>();
        server.routes().stream().filter(route -> route.path().startsWith("/api/") || route.path().equals("/health") || route.path().equals("/ready"))
                .forEach(route -> routes.add(route.method() + " " + route.path()));
        return new TreeSet<>(routes);
    }

    static JsonNode servedDocument() {
        return Http.json(http.get("/api/openapi.json"));
    }
}
