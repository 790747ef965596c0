package org.a4p.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.demo.DemoLoader;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serves the HTTP API (/api/v1; GET /health, /ready, /api/docs)"
        + " until stopped with Ctrl-C or SIGTERM; requests in flight then get up to 30 s to finish. While it runs on an H2 folder,"
        + " other commands still work on it.")
final class ServeCommand implements Callable<Integer> {
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

    @Option(names = "--demo", description = "Load the demo data first (loading twice changes nothing).")
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
            if (demo) {
                out.println("Loading the demo into " + app.database().label());
                new DemoLoader(app).load("demo", new ProgressBar(System.err), out);
            }
            server = WebServer.start(app, new ServerSettings(host, port, ServerSettings.DEFAULT_STOP_TIMEOUT, trustForwardedProto));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        out.println("A4P+ Monitor on " + app.database().label() + ": listening on " + server.url() + " (API docs: " + server.url()
                + "/api/docs). Ctrl-C stops.");
        out.flush();
        server.serveUntilShutdown(out, app::close);
        return Main.OK;
    }
}
