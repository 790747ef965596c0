package org.a4p.web;

import java.io.PrintWriter;
import org.a4p.app.App;

/**
 * Test only: serves a database folder as {@code a4p serve} does, plus a slow route, so that a
 * test can send SIGTERM while a request is in flight.
 */
final class SlowServeMain {
    private SlowServeMain() {}

    public static void main(String[] args) throws InterruptedException {
        App app = App.open(args[0], null);
        PrintWriter out = new PrintWriter(System.out, true);
        WebServer server = WebServer.start(app, ServerSettings.loopback(0), config -> config.routes.get("/test/slow", ctx -> {
            out.println("slow request started");
            Thread.sleep(3_000);
            out.println("slow request finished");
            ctx.result("finished");
        }));
        out.println("listening on " + server.url());
        server.serveUntilShutdown(out, app::close);
    }
}
