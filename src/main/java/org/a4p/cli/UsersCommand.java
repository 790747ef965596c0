package org.a4p.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.a4p.access.Accounts;
import org.a4p.access.AddUser;
import org.a4p.access.DisableUser;
import org.a4p.access.IssueToken;
import org.a4p.access.ListUsers;
import org.a4p.access.Refusal;
import org.a4p.access.ResetPassword;
import org.a4p.access.RevokeTokens;
import org.a4p.access.UnlockUser;
import org.a4p.app.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code a4p users ...}: thin adapters over the accounts' use cases. Passwords come from standard input only. */
@Command(name = "users", description = "Manages accounts: users, their roles and missions, passwords and API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAll.class, UsersCommand.Disable.class, UsersCommand.Unlock.class,
                UsersCommand.ResetPasswordCommand.class, UsersCommand.Token.class, UsersCommand.RevokeTokensCommand.class})
final class UsersCommand {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** Who acts, for the security log: the operating-system user at the command line. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** Every outcome of an account use case other than its success is a refusal, mapped to an exit code by {@link Failures}. */
    static Refused refused(Object outcome) {
        return new Refused(((Refusal) outcome).failure());
    }

    /** Prints a new token as the last line of output, the only time it is ever shown. */
    static int printToken(CommandSpec spec, IssueToken.Result result) {
        if (!(result instanceof IssueToken.Issued issued)) {
            throw refused(result);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("API token %s for %s, valid until %s. It is shown only now: store it in the submitting system.%n",
                issued.prefix(), issued.name(), EXPIRY.format(issued.expiresAt()));
        out.println(issued.token());
        return Main.OK;
    }

    @Command(name = "add", description = {"Adds a user. The password is read from standard input (at a terminal: typed without echo).",
            "--token also issues an API token, printed as the last line."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Lower-case letters, digits, '.', '_', '-' or '@'.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "admin, analyst, mission_officer, conduct_officer, medical_officer or delegate.")
        String role;

        @Option(names = "--mission", paramLabel = "MISSION", description = "A mission of a mission_officer (repeatable).")
        List<String> missions = new ArrayList<>();

        @Option(names = "--token", description = "Also issue an API token for this user.")
        boolean token;

        @Option(names = "--days", defaultValue = "90", paramLabel = "N", description = "Days the token is valid (default ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            String password = PasswordInput.read("Password for " + name + ": ");
            try (App app = Main.database(spec).open()) {
                Accounts accounts = app.accounts();
                AddUser.Result result = accounts.addUser().run(new AddUser.Request(actor(), name, role, missions, password));
                if (!(result instanceof AddUser.Added added)) {
                    throw refused(result);
                }
                spec.commandLine().getOut().printf("Added %s (%s%s).%n", name, added.user().role().code(),
                        added.user().missions().isEmpty() ? "" : ": " + String.join(", ", added.user().missions()));
                return token ? printToken(spec, accounts.issueToken().run(new IssueToken.Request(actor(), name, Duration.ofDays(days)))) : Main.OK;
            }
        }
    }

    @Command(name = "list", description = "Lists the users: name, role, missions, enabled, working API tokens.")
    static final class ListAll implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (App app = Main.database(spec).open()) {
                List<ListUsers.Entry> users = app.accounts().listUsers().run(new ListUsers.Request()).users();
                PrintWriter out = spec.commandLine().getOut();
                if (users.isEmpty()) {
                    out.println("No users yet. Add one with: a4p users add NAME --role admin");
                    return Main.OK;
                }
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"name", "role", "missions", "enabled", "tokens"});
                users.forEach(entry -> rows.add(new String[] {entry.user().name(), entry.user().role().code(),
                        String.join(",", entry.user().missions()), entry.user().enabled() ? "yes" : "no", String.valueOf(entry.activeTokens())}));
                int[] widths = new int[5];
                rows.forEach(row -> {
                    for (int i = 0; i < row.length; i++) {
                        widths[i] = Math.max(widths[i], row[i].length());
                    }
                });
                rows.forEach(row -> out.printf("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %-" + widths[3] + "s  %"
                        + widths[4] + "s%n", (Object[]) row));
                return Main.OK;
            }
        }
    }

    @Command(name = "disable", description = "Disables a user and ends every session of theirs; their API tokens stop working.")
    static final class Disable implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (App app = Main.database(spec).open()) {
                DisableUser.Result result = app.accounts().disableUser().run(new DisableUser.Request(actor(), name));
                if (!(result instanceof DisableUser.Disabled disabled)) {
                    throw refused(result);
                }
                spec.commandLine().getOut().printf("Disabled %s; ended %d session(s).%n", name, disabled.sessionsEnded());
                return Main.OK;
            }
        }
    }

    @Command(name = "unlock", description = "Lifts a lock from failed logins before it expires.")
    static final class Unlock implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (App app = Main.database(spec).open()) {
                UnlockUser.Result result = app.accounts().unlockUser().run(new UnlockUser.Request(actor(), name));
                if (!(result instanceof UnlockUser.Unlocked)) {
                    throw refused(result);
                }
                spec.commandLine().getOut().printf("Unlocked %s.%n", name);
                return Main.OK;
            }
        }
    }

    @Command(name = "reset-password", description = "Sets a new password, read from standard input, and ends every session of the user.")
    static final class ResetPasswordCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            String password = PasswordInput.read("New password for " + name + ": ");
            try (App app = Main.database(spec).open()) {
                ResetPassword.Result result = app.accounts().resetPassword().run(new ResetPassword.Request(actor(), name, password));
                if (!(result instanceof ResetPassword.Reset reset)) {
                    throw refused(result);
                }
                spec.commandLine().getOut().printf("Password of %s reset; ended %d session(s).%n", name, reset.sessionsEnded());
                return Main.OK;
            }
        }
    }

    @Command(name = "token", description = "Issues a new API token for a user, printed as the last line (and never again).")
    static final class Token implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--days", defaultValue = "90", paramLabel = "N", description = "Days the token is valid (default ${DEFAULT-VALUE}).")
        int days;

        @Override
        public Integer call() {
            try (App app = Main.database(spec).open()) {
                return printToken(spec, app.accounts().issueToken().run(new IssueToken.Request(actor(), name, Duration.ofDays(days))));
            }
        }
    }

    @Command(name = "revoke-tokens", description = "Revokes every API token of a user.")
    static final class RevokeTokensCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            try (App app = Main.database(spec).open()) {
                RevokeTokens.Result result = app.accounts().revokeTokens().run(new RevokeTokens.Request(actor(), name));
                if (!(result instanceof RevokeTokens.Revoked revoked)) {
                    throw refused(result);
                }
                spec.commandLine().getOut().printf("Revoked %d token(s) of %s.%n", revoked.tokens(), name);
                return Main.OK;
            }
        }
    }
}
