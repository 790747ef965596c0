package org.a4p.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinException;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.a4p.api.ApiDocs;
import org.a4p.api.ApiRoutes;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.app.PackRuntime;
import org.a4p.app.ReloadPack;
import org.a4p.metrics.MetricsRoutes;
import org.a4p.pages.PageRoutes;
import org.a4p.pages.ServerNotice;
import org.a4p.sdmx.SdmxData;
import org.a4p.sdmx.SdmxRoutes;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server over one {@link App}: Javalin on Jetty, the API and the web pages (built anew for
 * each pack generation, so a request is served by one pack from start to end), one
 * exception mapper, security headers, metrics, and a graceful stop (no new connections; requests in flight
 * get up to {@link ServerSettings#stopTimeout()} to finish).
 */
public final class WebServer {
    /** A registered route, path in OpenAPI's form ({@code /records/{id}}). */
    public record Route(String method, String path) {}

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    /** The routes built on one pack generation: the handlers, in the order of {@link GenerationRoutes#signature()}. */
    private record Site(PackRuntime runtime, List<Handler> handlers, List<String> signature) {}

    private final App app;
    private final ServerSettings settings;
    private final HealthRoutes health;
    private final Javalin javalin;
    private final ServerNotice notice = new ServerNotice();
    private final SessionCookie cookie;
    private final AtomicReference<Site> site = new AtomicReference<>();

    private WebServer(App app, ServerSettings settings, Consumer<JavalinConfig> extraRoutes) {
        this.app = app;
        this.settings = settings;
        this.health = new HealthRoutes(app.database());
        this.cookie = new SessionCookie(settings.trustForwardedProto());
        ApiDocs docs = new ApiDocs();
        App first = app.at(app.runtime());
        ApiRoutes api = new ApiRoutes(first, settings.trustForwardedProto());
        PageRoutes pages = new PageRoutes(first, cookie, notice);
        MetricsRoutes metrics = new MetricsRoutes(app.metrics(), settings.metricsToken());
        Problems problems = new Problems(pages.errors());
        GenerationRoutes firstRoutes = new GenerationRoutes();
        addPackRoutes(first, api, pages, firstRoutes);
        site.set(new Site(first.runtime(), firstRoutes.endpoints().stream().map(e -> e.handler).toList(), firstRoutes.signature()));
        ReloadPack reload = new ReloadPack(app);
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.http.prefer405over404 = true;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(settings.stopTimeout().toMillis());
                server.insertHandler(new GracefulHandler()); // counts requests in flight; refuses new ones while stopping
                server.insertHandler(new SecurityHeaders()); // outermost: every response, Jetty's refusals included
                server.setErrorHandler(new JettyErrors());
            });
            problems.register(config);
            health.addTo(config.routes);
            metrics.addTo(config);
            docs.addTo(config);
            api.addShared(config, reload);
            pages.addShared(config);
            List<Endpoint> endpoints = firstRoutes.endpoints();
            for (int i = 0; i < endpoints.size(); i++) {
                config.routes.addEndpoint(new Endpoint(endpoints.get(i).method, endpoints.get(i).path, dispatch(i)));
            }
            extraRoutes.accept(config);
        });
    }

    /** The routes of the API, the SDMX service and the pages that are built on the pack, recorded. */
    private void addPackRoutes(App pinned, ApiRoutes api, PageRoutes pages, GenerationRoutes routes) {
        api.addTo(routes);
        new SdmxRoutes(new SdmxData(pinned.pack(), pinned.releases(), pinned.clock()), pinned.clock()).addTo(routes);
        pages.addTo(routes);
    }

    /**
     * The handler Javalin runs for the i-th pack route: a read is served by the generation in service;
     * anything else enters the generation (a reload waits for it, see {@link App#enter()}) and is
     * served by it from start to end.
     */
    private Handler dispatch(int i) {
        return ctx -> {
            if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
                siteOf(app.runtime()).handlers().get(i).handle(ctx);
                return;
            }
            try (App.Use use = app.enter()) {
                siteOf(use.runtime()).handlers().get(i).handle(ctx);
            }
        };
    }

    /** The routes built on a generation: those of the last one served, or built anew after a reload. */
    private Site siteOf(PackRuntime runtime) {
        Site served = site.get();
        if (served.runtime() == runtime) {
            return served;
        }
        synchronized (site) {
            served = site.get();
            if (served.runtime() == runtime) {
                return served;
            }
            App pinned = app.at(runtime);
            GenerationRoutes routes = new GenerationRoutes();
            addPackRoutes(pinned, new ApiRoutes(pinned, settings.trustForwardedProto()), new PageRoutes(pinned, cookie, notice), routes);
            if (!routes.signature().equals(served.signature())) {
                throw new IllegalStateException("the routes of pack generation " + runtime.number() + " differ from those the server registered");
            }
            Site next = new Site(runtime, routes.endpoints().stream().map(e -> e.handler).toList(), routes.signature());
            if (next.runtime().number() > served.runtime().number()) {
                site.set(next);
            }
            return next;
        }
    }

    /** Starts the server; throws when the port is taken. */
    public static WebServer start(App app, ServerSettings settings) {
        return start(app, settings, config -> {});
    }

    /** Starts the server with routes of the caller's besides the product's (tests add failing or slow ones). */
    public static WebServer start(App app, ServerSettings settings, Consumer<JavalinConfig> extraRoutes) {
        WebServer server = new WebServer(app, settings, extraRoutes);
        try {
            server.javalin.start();
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return server;
    }

    /** What every page tells its reader the server is busy with (the demo loading); see {@link ServerNotice}. */
    public ServerNotice notice() {
        return notice;
    }

    public int port() {
        return javalin.port();
    }

    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** The HTTP routes Javalin holds, sorted by path then method (static files are not routes). */
    public List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path.replaceAll("<([^>]+)>", "{$1}")))
                .distinct()
                .sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }

    /** Stops accepting, waits for requests in flight (bounded by the stop timeout), then stops. */
    public void stop() {
        try {
            javalin.stop();
        } catch (JavalinException e) {
            if (!(e.getCause() instanceof TimeoutException)) {
                throw e;
            }
            // Jetty has stopped all the same; the requests still running were cut off.
            LOG.warn("requests still running after {} s were cut off", settings.stopTimeout().toSeconds());
        } finally {
            health.close();
        }
    }

    /**
     * Serves until the JVM is told to stop (SIGTERM, Ctrl-C): then stops gracefully, runs
     * {@code afterStop} (closing the database), and returns.
     */
    public void serveUntilShutdown(PrintWriter notes, Runnable afterStop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            notes.println("Stopping: requests in flight get up to " + settings.stopTimeout().toSeconds() + " s to finish.");
            notes.flush();
            try {
                stop();
            } finally {
                afterStop.run();
                notes.println("Stopped.");
                notes.flush();
                stopped.countDown();
            }
        }, "a4p-serve-shutdown"));
        stopped.await();
    }
}
