package org.a4p.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.demo.DemoLoader;
import org.a4p.ingest.Progress;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the HTTP API (/api/v1; GET /health, /ready, /api/docs, /metrics)"
        + " until stopped with Ctrl-C or SIGTERM; requests in flight then get up to 30 s to finish. While it runs on an H2 folder,"
        + " other commands still work on it. With A4P_METRICS_TOKEN set in the environment, GET /metrics asks for it as a bearer token.")
final class ServeCommand implements Callable<Integer> {
    /** From the environment, not an option: a token on the command line shows in every process list. */
    static final String METRICS_TOKEN = "A4P_METRICS_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_PORT, description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerSettings.LOOPBACK,
            description = "Address to listen on (default ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--trust-forwarded-proto", description = "The server sits behind a reverse proxy that terminates TLS: its"
            + " X-Forwarded-Proto: https marks a request as HTTPS, so the session cookie is Secure. Only behind such a proxy:"
            + " the header is otherwise the client's to set.")
    boolean trustForwardedProto;

    @Option(names = "--demo", description = "Load the demo data behind the running server: the pages answer at once and tell how far"
            + " the load is (loading twice changes nothing).")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new UsageProblem("--port " + port + ": expected 0 to 65535");
        }
        PrintWriter out = spec.commandLine().getOut();
        App app = Main.database(spec).open();
        WebServer server;
        try {
            server = WebServer.start(app, new ServerSettings(host, port, ServerSettings.DEFAULT_STOP_TIMEOUT, trustForwardedProto, null)
                    .withMetricsToken(System.getenv(METRICS_TOKEN)));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        out.println("A4P+ Monitor on " + app.database().label() + ": listening on " + server.url() + " (API docs: " + server.url()
                + "/api/docs). Ctrl-C stops.");
        out.flush();
        if (demo) {
            loadDemoBehind(app, server, out);
        }
        server.serveUntilShutdown(out, app::close);
        return Main.OK;
    }

    /** Loads the demo on a thread of its own while the server answers; every page tells how far it is. */
    private static void loadDemoBehind(App app, WebServer server, PrintWriter out) {
        out.println("Loading the demo into " + app.database().label() + " behind the server: the pages show how far it is.");
        out.flush();
        ProgressBar bar = new ProgressBar(System.err);
        Progress progress = new Progress() {
            @Override
            public void update(String phase, double fraction) {
                server.notice().demoLoading(phase, fraction);
                bar.update(phase, fraction);
            }

            @Override
            public void done() {
                bar.done();
            }
        };
        Thread loader = new Thread(() -> {
            try {
                try (App.Use use = app.enter()) { // one pack for the whole load: a reload waits for it
                    new DemoLoader(use.app()).load("demo", progress, out);
                }
                out.println("Demo loaded: " + server.url());
            } catch (RuntimeException e) {
                out.println("The demo could not be loaded: " + e.getMessage());
            } finally {
                server.notice().clear();
                out.flush();
            }
        }, "a4p-demo-load");
        loader.setDaemon(true);
        loader.start();
    }
}
