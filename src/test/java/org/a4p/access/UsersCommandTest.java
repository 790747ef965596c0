package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.cli.Main;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code a4p users ...} end to end, in-process, on H2 and PostgreSQL, with passwords on standard
 * input. No output, standard or error (where the security log goes), ever holds a password.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersCommandTest {
    static final String PASSWORD = "lantern orchard vinegar";
    static final String NEW_PASSWORD = "quiet harbour lighthouse";

    @Parameter
    String url;

    CliRun run(String input, String... args) {
        String[] withDb = new String[args.length + 2];
        System.arraycopy(args, 0, withDb, 0, args.length);
        withDb[args.length] = "--db";
        withDb[args.length + 1] = url;
        CliRun run = CliRun.withInput(input, withDb);
        assertThat(run.all()).as("output of users %s", String.join(" ", args)).doesNotContain(PASSWORD, NEW_PASSWORD, "$argon2");
        return run;
    }

    String lastLine(String text) {
        List<String> lines = text.lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void addsUsersWithThePasswordFromStandardInputAndListsThem() {
        CliRun added = run(PASSWORD + "\n", "users", "add", "list.officer", "--role", "mission_officer", "--mission", "MINUSCA", "--mission", "MINUSMA");
        assertThat(added.code()).as(added.err()).isEqualTo(Main.OK);
        assertThat(added.out()).isEqualTo("Added list.officer (mission_officer: MINUSCA, MINUSMA).\n");
        assertThat(run(PASSWORD + "\n", "users", "add", "list.analyst", "--role", "analyst").code()).isEqualTo(Main.OK);
        assertThat(run(PASSWORD + "\n", "users", "disable", "list.analyst").code()).isEqualTo(Main.OK);

        CliRun list = run("", "users", "list");
        assertThat(list.code()).isEqualTo(Main.OK);
        List<String> lines = list.out().lines().toList();
        assertThat(lines.get(0)).matches("name +role +missions +enabled +tokens");
        // Other tests add users too: the rows of this one's, cut at the header's column starts.
        assertThat(lines.stream().filter(line -> line.startsWith("list.")).map(line -> cells(lines.get(0), line))).containsExactly(
                List.of("list.analyst", "analyst", "", "no", "0"),
                List.of("list.officer", "mission_officer", "MINUSCA,MINUSMA", "yes", "0"));
    }

    /** The cells of a table row, cut where the header's columns start (the last column is right-aligned to the header's end). */
    static List<String> cells(String header, String row) {
        int[] starts = {0, header.indexOf("role"), header.indexOf("missions"), header.indexOf("enabled"), header.indexOf("tokens")};
        assertThat(row).hasSize(header.length());
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            cells.add(row.substring(starts[i], i + 1 < starts.length ? starts[i + 1] : row.length()).strip());
        }
        return cells;
    }

    @Test
    void printsANewTokenAsTheLastLineOnceAndNeverInTheList() {
        CliRun added = run(PASSWORD + "\n", "users", "add", "uploader.bot", "--role", "mission_officer", "--mission", "UNMISS", "--token");
        assertThat(added.code()).as(added.err()).isEqualTo(Main.OK);
        String token = lastLine(added.out());
        assertThat(token).matches("a4p_[A-Za-z0-9_-]{43}");
        assertThat(added.out()).startsWith("Added uploader.bot (mission_officer: UNMISS).\nAPI token " + token.substring(0, 12)
                + " for uploader.bot, valid until ");
        assertThat(added.err()).doesNotContain(token);
        try (App app = Fixtures.app(url)) {
            assertThat(app.accounts().authenticateToken().run(new AuthenticateToken.Request(token)))
                    .isInstanceOfSatisfying(AuthenticateToken.Authenticated.class, ok -> assertThat(ok.user().name()).isEqualTo("uploader.bot"));
        }
        CliRun second = run("", "users", "token", "uploader.bot", "--days", "30");
        assertThat(second.code()).as(second.err()).isEqualTo(Main.OK);
        String secondToken = lastLine(second.out());
        assertThat(secondToken).matches("a4p_[A-Za-z0-9_-]{43}").isNotEqualTo(token);

        CliRun list = run("", "users", "list");
        assertThat(list.out()).containsPattern("uploader\\.bot +mission_officer +UNMISS +yes +2\n")
                .doesNotContain(token, secondToken, token.substring(12), Secrets.sha256(token), Secrets.sha256(secondToken));

        CliRun revoked = run("", "users", "revoke-tokens", "uploader.bot");
        assertThat(revoked.out()).isEqualTo("Revoked 2 token(s) of uploader.bot.\n");
        assertThat(run("", "users", "list").out()).containsPattern("uploader\\.bot +mission_officer +UNMISS +yes +0\n");
    }

    @Test
    void refusesAWeakPasswordWithExitCodeOneWithoutRepeatingIt() {
        CliRun tooShort = run("short\n", "users", "add", "weak.one", "--role", "analyst");
        assertThat(tooShort.code()).isEqualTo(Main.REJECTED);
        assertThat(tooShort.err()).contains("a4p: password too short: at least 12 characters");
        CliRun common = run("password1234\n", "users", "add", "weak.one", "--role", "analyst");
        assertThat(common.code()).isEqualTo(Main.REJECTED);
        assertThat(common.err()).contains("a4p: that password is one of the 49,233 most common passwords: choose another")
                .doesNotContain("password1234");
        assertThat(run("", "users", "list").out()).doesNotContain("weak.one");
    }

    @Test
    void refusesANameTakenWithExitCodeOne() {
        assertThat(run(PASSWORD + "\n", "users", "add", "twice", "--role", "delegate").code()).isEqualTo(Main.OK);
        CliRun again = run(PASSWORD + "\n", "users", "add", "twice", "--role", "delegate");
        assertThat(again.code()).isEqualTo(Main.REJECTED);
        assertThat(again.err()).contains("a4p: a user named 'twice' already exists");
    }

    @Test
    void namesTheProblemWithExitCodeTwoForUnknownRolesMissionsAndUsersAndAMissingPassword() {
        CliRun noPassword = run("", "users", "add", "nopass", "--role", "analyst");
        assertThat(noPassword.code()).isEqualTo(Main.USAGE);
        assertThat(noPassword.err()).contains("a4p: no password on standard input");
        CliRun role = run(PASSWORD + "\n", "users", "add", "someone", "--role", "root");
        assertThat(role.code()).isEqualTo(Main.USAGE);
        assertThat(role.err()).contains("a4p: unknown role 'root': expected one of admin, analyst, mission_officer, conduct_officer,"
                + " medical_officer, delegate");
        CliRun mission = run(PASSWORD + "\n", "users", "add", "someone", "--role", "mission_officer", "--mission", "ATLANTIS");
        assertThat(mission.code()).isEqualTo(Main.USAGE);
        assertThat(mission.err()).contains("a4p: unknown mission 'ATLANTIS'");
        CliRun scope = run(PASSWORD + "\n", "users", "add", "someone", "--role", "mission_officer");
        assertThat(scope.code()).isEqualTo(Main.USAGE);
        assertThat(scope.err()).contains("a4p: a mission_officer needs at least one mission");
        CliRun name = run(PASSWORD + "\n", "users", "add", "Some One", "--role", "analyst");
        assertThat(name.code()).isEqualTo(Main.USAGE);
        assertThat(name.err()).contains("a4p: invalid user name 'Some One'");
        for (String command : List.of("disable", "unlock", "token", "revoke-tokens")) {
            CliRun unknown = run("", "users", command, "ghost");
            assertThat(unknown.code()).as(command).isEqualTo(Main.USAGE);
            assertThat(unknown.err()).as(command).contains("a4p: no user named 'ghost'");
        }
        assertThat(run(PASSWORD + "\n", "users", "add").code()).isEqualTo(Main.USAGE); // no NAME: picocli's own usage error
    }

    @Test
    void resetsAPasswordFromStandardInputAndUnlocks() {
        assertThat(run(PASSWORD + "\n", "users", "add", "forgetful", "--role", "medical_officer").code()).isEqualTo(Main.OK);
        CliRun reset = run(NEW_PASSWORD + "\n", "users", "reset-password", "forgetful");
        assertThat(reset.code()).as(reset.err()).isEqualTo(Main.OK);
        assertThat(reset.out()).isEqualTo("Password of forgetful reset; ended 0 session(s).\n");
        try (App app = Fixtures.app(url)) {
            assertThat(app.accounts().login().run(new Login.Request("forgetful", NEW_PASSWORD))).isInstanceOf(Login.LoggedIn.class);
        }
        CliRun weak = run("tooshort\n", "users", "reset-password", "forgetful");
        assertThat(weak.code()).isEqualTo(Main.REJECTED);
        assertThat(weak.err()).contains("a4p: password too short: at least 12 characters");
        CliRun unlock = run("", "users", "unlock", "forgetful");
        assertThat(unlock.out()).isEqualTo("Unlocked forgetful.\n");
    }

    @Test
    void disablingEndsTheUsersSessionsAndTokens() {
        CliRun added = run(PASSWORD + "\n", "users", "add", "departing", "--role", "conduct_officer", "--token");
        String token = lastLine(added.out());
        String session;
        try (App app = Fixtures.app(url)) {
            User user = ((Login.LoggedIn) app.accounts().login().run(new Login.Request("departing", PASSWORD))).user();
            session = ((StartSession.Started) app.accounts().startSession().run(new StartSession.Request(user.id(), null))).sessionId();
        }
        CliRun disabled = run("", "users", "disable", "departing");
        assertThat(disabled.code()).isEqualTo(Main.OK);
        assertThat(disabled.out()).isEqualTo("Disabled departing; ended 1 session(s).\n");
        try (App app = Fixtures.app(url)) {
            assertThat(app.accounts().touchSession().run(new TouchSession.Request(session))).isEqualTo(new TouchSession.Unknown());
            assertThat(app.accounts().authenticateToken().run(new AuthenticateToken.Request(token))).isEqualTo(new AuthenticateToken.Denied());
        }
        CliRun noToken = run("", "users", "token", "departing");
        assertThat(noToken.code()).isEqualTo(Main.REJECTED);
        assertThat(noToken.err()).contains("a4p: user 'departing' is disabled: no token issued");
    }
}
