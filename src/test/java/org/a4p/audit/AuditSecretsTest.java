package org.a4p.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.a4p.access.Accounts;
import org.a4p.access.AddUser;
import org.a4p.access.AuthenticateToken;
import org.a4p.access.DisableUser;
import org.a4p.access.EndSession;
import org.a4p.access.IssueToken;
import org.a4p.access.Login;
import org.a4p.access.ResetPassword;
import org.a4p.access.RevokeTokens;
import org.a4p.access.StartSession;
import org.a4p.access.TouchSession;
import org.a4p.access.UnlockUser;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every account use case that writes to the audit trail, run with recognisable secrets; then every
 * stored column of every entry is searched for them: passwords, tokens, session ids and their hashes.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditSecretsTest {
    static final String PASSWORD = "planted-Password-7781 zebra";
    static final String WRONG = "planted-Wrong-4411 quokka";
    static final String NEW_PASSWORD = "planted-New-9902 walrus";

    @Parameter
    String url;

    @Test
    void noEntryHoldsAPasswordTokenOrSessionId() throws Exception {
        try (Database database = Database.open(url)) {
            AuditChains.reset(database);
            Accounts accounts = new Accounts(database.jdbi(), Fixtures.pack().orgUnits(), AuditChains.ticking(), new AuditTrail(AuditChains.ticking()));
            List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG, NEW_PASSWORD));

            assertThat(accounts.addUser().run(new AddUser.Request("cli:root", "scan.ana", "mission_officer", List.of("MINUSCA"), PASSWORD)))
                    .isInstanceOf(AddUser.Added.class);
            accounts.login().run(new Login.Request("scan.ana", WRONG));
            accounts.login().run(new Login.Request("nobody-" + WRONG, WRONG)); // a password typed as a name is not our business
            accounts.login().run(new Login.Request("", WRONG)); // no name at all: an anonymous failure
            accounts.login().run(new Login.Request(null, WRONG));
            accounts.unlockUser().run(new UnlockUser.Request("cli:root", "scan.ana"));
            Login.LoggedIn in = (Login.LoggedIn) accounts.login().run(new Login.Request("scan.ana", PASSWORD));
            StartSession.Started session = (StartSession.Started) accounts.startSession().run(new StartSession.Request(in.user().id(), null));
            secrets.add(session.sessionId());
            secrets.add(sha256(session.sessionId()));
            StartSession.Started second = (StartSession.Started) accounts.startSession()
                    .run(new StartSession.Request(in.user().id(), session.sessionId()));
            secrets.add(second.sessionId());
            accounts.touchSession().run(new TouchSession.Request(session.sessionId())); // ended by the second: unknown
            accounts.endSession().run(new EndSession.Request(second.sessionId()));

            IssueToken.Issued token = (IssueToken.Issued) accounts.issueToken()
                    .run(new IssueToken.Request("cli:root", "scan.ana", Duration.ofDays(7)));
            secrets.add(token.token());
            secrets.add(sha256(token.token()));
            secrets.add(token.token().substring(token.prefix().length())); // the secret part alone
            assertThat(accounts.authenticateToken().run(new AuthenticateToken.Request(token.token())))
                    .isInstanceOf(AuthenticateToken.Authenticated.class);
            accounts.authenticateToken().run(new AuthenticateToken.Request(token.token() + "x"));
            accounts.authenticateToken().run(new AuthenticateToken.Request("a4p_" + "A".repeat(43)));
            accounts.revokeTokens().run(new RevokeTokens.Request("cli:root", "scan.ana"));
            accounts.authenticateToken().run(new AuthenticateToken.Request(token.token()));
            assertThat(accounts.resetPassword().run(new ResetPassword.Request("cli:root", "scan.ana", NEW_PASSWORD)))
                    .isInstanceOf(ResetPassword.Reset.class);
            accounts.disableUser().run(new DisableUser.Request("cli:root", "scan.ana"));
            secrets.add(passwordHash(database));

            List<String> rows = AuditChains.rawRows(database);
            assertThat(rows).hasSizeGreaterThan(12);
            String all = String.join("\n", rows);
            assertThat(all).as("the scan reads the entries: the token's public prefix is there").contains(token.prefix());
            assertThat(all).contains("user.add", "login.failure", "login.success", "user.unlock", "session.start", "session.end",
                    "token.issue", "token.revoke_all", "request.denied", "user.reset_password", "user.disable");
            for (String secret : secrets) {
                assertThat(all).as("an audit entry holds a secret").doesNotContain(secret);
            }
            assertThat(all).doesNotContain("$argon2");
            assertThat(all).contains("| anonymous | login.failure | user:- |", "| anonymous | login.failure | user: |");
            assertThat(AuditChains.verify(database, null).broken()).isEmpty();
        }
    }

    private static String passwordHash(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE user_name = 'scan.ana'")
                .mapTo(String.class).one());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
