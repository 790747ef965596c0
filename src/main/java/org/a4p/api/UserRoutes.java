package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.a4p.access.Accounts;
import org.a4p.access.AddUser;
import org.a4p.access.DisableUser;
import org.a4p.access.IssueToken;
import org.a4p.access.ListUsers;
import org.a4p.access.Refusal;
import org.a4p.access.ResetPassword;
import org.a4p.access.RevokeTokens;
import org.a4p.access.UnlockUser;
import org.a4p.access.User;
import org.a4p.web.FailedRequest;

/** {@code /api/v1/users}: the accounts, for admins: list, add, disable, unlock, reset a password, issue and revoke API tokens. */
final class UserRoutes {
    record NewUser(String name, String role, List<String> missions, String password) {
        @Override
        public String toString() {
            return "NewUser[name=" + name + ", role=" + role + ", missions=" + missions + ", password=(withheld)]";
        }
    }

    record NewPassword(String password) {
        @Override
        public String toString() {
            return "NewPassword[password=(withheld)]";
        }
    }

    record TokenRequest(Integer days) {}

    /** An account as lists show it: never a hash, token or session. */
    record UserView(String name, String role, List<String> missions, boolean enabled, Instant createdAt, Instant updatedAt,
            Integer activeTokens) {
        static UserView of(User user, Integer activeTokens) {
            return new UserView(user.name(), user.role().code(), user.missions(), user.enabled(), user.createdAt(), user.updatedAt(),
                    activeTokens);
        }
    }

    private final Accounts accounts;

    UserRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/users", this::list);
        routes.post("/api/v1/users", this::add);
        routes.post("/api/v1/users/{name}/disable", this::disable);
        routes.post("/api/v1/users/{name}/unlock", this::unlock);
        routes.put("/api/v1/users/{name}/password", this::resetPassword);
        routes.post("/api/v1/users/{name}/tokens", this::issueToken);
        routes.delete("/api/v1/users/{name}/tokens", this::revokeTokens);
    }

    private void list(Context ctx) {
        Params.only(ctx);
        ctx.json(accounts.listUsers().run(new ListUsers.Request()).users().stream()
                .map(entry -> UserView.of(entry.user(), entry.activeTokens())).toList());
    }

    private void add(Context ctx) {
        Params.only(ctx);
        NewUser body = Bodies.json(ctx, NewUser.class, "a JSON object {\"name\", \"role\", \"missions\", \"password\"}");
        AddUser.Added added = accepted(accounts.addUser().run(new AddUser.Request(actor(ctx), body.name(), body.role(),
                body.missions() == null ? List.of() : body.missions(), body.password())), AddUser.Added.class);
        ctx.status(201).json(UserView.of(added.user(), 0));
    }

    private void disable(Context ctx) {
        Params.only(ctx);
        ctx.json(accepted(accounts.disableUser().run(new DisableUser.Request(actor(ctx), ctx.pathParam("name"))), DisableUser.Disabled.class));
    }

    private void unlock(Context ctx) {
        Params.only(ctx);
        ctx.json(accepted(accounts.unlockUser().run(new UnlockUser.Request(actor(ctx), ctx.pathParam("name"))), UnlockUser.Unlocked.class));
    }

    private void resetPassword(Context ctx) {
        Params.only(ctx);
        NewPassword body = Bodies.json(ctx, NewPassword.class, "a JSON object {\"password\"}");
        ctx.json(accepted(accounts.resetPassword().run(new ResetPassword.Request(actor(ctx), ctx.pathParam("name"), body.password())),
                ResetPassword.Reset.class));
    }

    /** The token is in this answer once, and never again: only its prefix is kept readable. */
    private void issueToken(Context ctx) {
        Params.only(ctx);
        TokenRequest body = ctx.bodyAsBytes().length == 0 ? new TokenRequest(null) : Bodies.json(ctx, TokenRequest.class, "a JSON object {\"days\"}");
        Duration validity = body.days() == null ? IssueToken.DEFAULT_VALIDITY : Duration.ofDays(body.days());
        ctx.status(201).json(accepted(accounts.issueToken().run(new IssueToken.Request(actor(ctx), ctx.pathParam("name"), validity)),
                IssueToken.Issued.class));
    }

    private void revokeTokens(Context ctx) {
        Params.only(ctx);
        ctx.json(accepted(accounts.revokeTokens().run(new RevokeTokens.Request(actor(ctx), ctx.pathParam("name"))), RevokeTokens.Revoked.class));
    }

    private static String actor(Context ctx) {
        return "api:" + ApiCaller.of(ctx).name();
    }

    /** The use case's success, or its refusal mapped once by the problem mapper. */
    private static <T> T accepted(Object result, Class<T> success) {
        if (result instanceof Refusal refusal) {
            throw new FailedRequest(refusal.failure());
        }
        return success.cast(result);
    }
}
