package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.a4p.access.Accounts;
import org.a4p.access.AddUser;
import org.a4p.access.DisableUser;
import org.a4p.access.IssueToken;
import org.a4p.access.ListUsers;
import org.a4p.access.Refusal;
import org.a4p.access.ResetPassword;
import org.a4p.access.RevokeTokens;
import org.a4p.access.Role;
import org.a4p.access.UnlockUser;
import org.a4p.access.User;
import org.a4p.app.App;
import org.a4p.i18n.Messages;
import org.a4p.orgunit.OrgUnit;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;

/**
 * {@code /admin}: the accounts, for admins: list, add (role and mission scope), disable, unlock,
 * reset a password, issue an API token (shown on the page once, never again) and revoke them.
 * Each action is the use case {@code ./a4p users} and {@code /api/v1/users} call.
 */
public final class UsersPage implements PageRoutes.PageTable {
    static final Set<String> ACTIONS = Set.of("disable", "unlock", "password", "token", "revoke");

    public record Listing(List<Row> users, List<Choices.Option> roles, List<Choices.Option> missions, String done, String problem,
            NewUser sent, Token token) {}

    public record Row(String name, String role, String missions, boolean enabled, int activeTokens) {}

    /** What the add form sent, to show again after a refusal (never the password). */
    public record NewUser(String name, String role, List<String> missions) {}

    /** A token just issued: shown once. */
    public record Token(String user, String token, String expires) {}

    private final PageFrame frame;
    private final Accounts accounts;
    private final List<Choices.Option> missions;

    UsersPage(App app, PageFrame frame) {
        this.frame = frame;
        this.accounts = app.accounts();
        this.missions = app.pack().orgUnits().missions().stream().sorted(Comparator.comparing(OrgUnit::code))
                .map(mission -> new Choices.Option(mission.code(), mission.code(), null)).toList();
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/admin", ctx -> show(ctx, PageFrame.words(ctx), null, null, null));
        routes.post("/admin/users", this::add);
        routes.post("/admin/users/{name}/{action}", this::act);
    }

    private void show(Context ctx, Messages words, String problem, NewUser sent, Token token) {
        PageFrame.require(ctx, Role.ADMIN);
        List<Row> rows = accounts.listUsers().run(new ListUsers.Request()).users().stream().map(UsersPage::row).toList();
        String done = done(ctx, words, rows);
        List<Choices.Option> roles = Role.codes().stream().map(code -> new Choices.Option(code, words.get("role." + code), null)).toList();
        Page page = frame.page(ctx, words.get("admin.title"), "admin");
        PageFrame.send(ctx, "admin.jte", "page", page, "listing", new Listing(rows, roles, missions, done, problem, sent, token));
    }

    private void add(Context ctx) {
        Viewer viewer = PageFrame.require(ctx, Role.ADMIN);
        String name = text(ctx, "name");
        String role = text(ctx, "role");
        List<String> scope = ctx.formParams("missions").stream().filter(mission -> !mission.isBlank()).toList();
        AddUser.Result result = accounts.addUser().run(new AddUser.Request(actor(viewer), name, role, scope,
                ctx.formParam("password") == null ? "" : ctx.formParam("password")));
        if (result instanceof Refusal refusal) {
            ctx.status(FailedRequest.status(refusal.failure()));
            show(ctx, PageFrame.words(ctx), refusal.failure().message(), new NewUser(name, role, scope), null);
            return;
        }
        ctx.redirect("/admin?done=add&user=" + Page.encode(((AddUser.Added) result).user().name()), HttpStatus.SEE_OTHER);
    }

    private void act(Context ctx) {
        Viewer viewer = PageFrame.require(ctx, Role.ADMIN);
        String action = ctx.pathParam("action");
        String name = ctx.pathParam("name");
        String actor = actor(viewer);
        Object result = switch (action) {
            case "disable" -> accounts.disableUser().run(new DisableUser.Request(actor, name));
            case "unlock" -> accounts.unlockUser().run(new UnlockUser.Request(actor, name));
            case "password" -> accounts.resetPassword().run(new ResetPassword.Request(actor, name,
                    ctx.formParam("password") == null ? "" : ctx.formParam("password")));
            case "token" -> accounts.issueToken().run(new IssueToken.Request(actor, name, validity(ctx)));
            case "revoke" -> accounts.revokeTokens().run(new RevokeTokens.Request(actor, name));
            default -> throw HttpProblem.badParameter("action", action, "expected one of " + String.join(", ", ACTIONS.stream().sorted().toList()));
        };
        Messages words = PageFrame.words(ctx);
        if (result instanceof Refusal refusal) {
            ctx.status(FailedRequest.status(refusal.failure()));
            show(ctx, words, refusal.failure().message(), null, null);
        } else if (result instanceof IssueToken.Issued issued) {
            // Shown in this answer once, never stored readable: so no redirect that would lose it.
            ctx.header("Cache-Control", "no-store");
            show(ctx, words, null, null, new Token(issued.name(), issued.token(), words.dateTime(issued.expiresAt())));
        } else {
            ctx.redirect("/admin?done=" + action + "&user=" + Page.encode(name), HttpStatus.SEE_OTHER);
        }
    }

    private static Duration validity(Context ctx) {
        String days = ctx.formParam("days");
        if (days == null || days.isBlank()) {
            return IssueToken.DEFAULT_VALIDITY;
        }
        try {
            return Duration.ofDays(Long.parseLong(days.strip()));
        } catch (NumberFormatException e) {
            throw HttpProblem.badParameter("days", days, "expected a whole number of days from 1 to " + IssueToken.MAX_VALIDITY.toDays());
        }
    }

    /** The flash after a redirect: an action on a user the list holds, in words; anything else is ignored. */
    private static String done(Context ctx, Messages words, List<Row> rows) {
        String done = ctx.queryParam("done");
        String user = ctx.queryParam("user");
        boolean known = user != null && rows.stream().anyMatch(row -> row.name().equals(user));
        return known && done != null && (done.equals("add") || ACTIONS.contains(done)) ? words.get("admin.done." + done, user) : null;
    }

    private static Row row(ListUsers.Entry entry) {
        User user = entry.user();
        return new Row(user.name(), user.role().code(), String.join(", ", user.missions()), user.enabled(), entry.activeTokens());
    }

    /** Who acts, on the audit trail: the admin, through the web pages. */
    private static String actor(Viewer viewer) {
        return "web:" + viewer.name();
    }

    private static String text(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }
}
