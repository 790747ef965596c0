package org.a4p.web;

import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The routes one pack generation registers, recorded rather than given to Javalin: the server
 * registers each once, with a handler that runs the one of the generation a request is served by.
 * Only endpoints: guards, exception mappers and static files do not depend on the pack and are
 * registered on the server itself.
 */
final class GenerationRoutes implements JavalinDefaultRoutingApi {
    private final List<Endpoint> endpoints = new ArrayList<>();

    List<Endpoint> endpoints() {
        return endpoints;
    }

    /** "GET /api/v1/values"..., in the order registered: every generation registers the same. */
    List<String> signature() {
        return endpoints.stream().map(e -> e.method + " " + e.path).toList();
    }

    @Override
    public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
        endpoints.add(endpoint);
        return this;
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi exception(Class<E> type, ExceptionHandler<? super E> handler) {
        throw new UnsupportedOperationException("exception mappers do not depend on the pack: register them on the server");
    }

    @Override
    public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
        throw new UnsupportedOperationException("error handlers do not depend on the pack: register them on the server");
    }

    @Override
    public <E extends Exception> JavalinDefaultRoutingApi wsException(Class<E> type, WsExceptionHandler<? super E> handler) {
        throw new UnsupportedOperationException("no web sockets");
    }

    @Override
    public JavalinDefaultRoutingApi addWsHandler(WsHandlerType type, String path, Consumer<WsConfig> config, RouteRole... roles) {
        throw new UnsupportedOperationException("no web sockets");
    }
}
