package org.a4p.api;

import java.util.List;
import org.a4p.access.AddUser;
import org.a4p.access.IssueToken;
import org.a4p.access.Role;
import org.a4p.access.User;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;

/** The real app and server on a database, on a random loopback port, with a movable clock and users made to order. */
final class ApiFixture implements AutoCloseable {
    static final String PASSWORD = "lantern orchard vinegar";

    final MovableClock clock = new MovableClock();
    final App app;
    final WebServer server;
    final ApiClient client;

    ApiFixture(String url) {
        this(url, ServerSettings.loopback(0));
    }

    ApiFixture(String url, ServerSettings settings) {
        this.app = new App(Fixtures.pack(), Database.open(url), clock);
        this.server = WebServer.start(app, settings);
        this.client = new ApiClient(server.url());
    }

    User addUser(String name, Role role, String... missions) {
        AddUser.Result result = app.accounts().addUser().run(new AddUser.Request("test", name, role.code(), List.of(missions), PASSWORD));
        if (!(result instanceof AddUser.Added added)) {
            throw new AssertionError("could not add " + name + ": " + result);
        }
        return added.user();
    }

    ApiClient.Bearer token(String name) {
        IssueToken.Result result = app.accounts().issueToken().run(new IssueToken.Request("test", name, IssueToken.DEFAULT_VALIDITY));
        return new ApiClient.Bearer(((IssueToken.Issued) result).token());
    }

    ApiClient.Session signIn(String name) {
        return client.signIn(name, PASSWORD);
    }

    @Override
    public void close() {
        server.stop();
        app.close();
    }
}
