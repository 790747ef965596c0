package org.a4p.pages;

import java.util.List;
import org.a4p.access.AddUser;
import org.a4p.access.Role;
import org.a4p.access.User;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;

/** The real app and server on a database, on a random loopback port, for the page tests; users made to order. */
final class PageFixture implements AutoCloseable {
    static final String PASSWORD = "lantern orchard vinegar";

    final App app;
    final WebServer server;

    PageFixture(String url) {
        this.app = new App(Fixtures.pack(), Database.open(url));
        this.server = WebServer.start(app, ServerSettings.loopback(0));
    }

    User addUser(String name, Role role, String... missions) {
        AddUser.Result result = app.accounts().addUser().run(new AddUser.Request("test", name, role.code(), List.of(missions), PASSWORD));
        if (!(result instanceof AddUser.Added added)) {
            throw new AssertionError("could not add " + name + ": " + result);
        }
        return added.user();
    }

    Browser browser() {
        return new Browser(server.url());
    }

    @Override
    public void close() {
        server.stop();
        app.close();
    }
}
