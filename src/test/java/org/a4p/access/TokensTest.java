package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API tokens on H2 and PostgreSQL: shown once and stored only as a hash, expiring, revocable, dead with a disabled user. */
class TokensTest extends AccountsOnDatabases {

    String newUser() {
        String name = "uploader" + ++users;
        assertThat(accounts.addUser().run(new AddUser.Request("test", name, "mission_officer", List.of("MINUSCA"), PASSWORD)))
                .isInstanceOf(AddUser.Added.class);
        return name;
    }

    IssueToken.Issued issue(String name, Duration validity) {
        IssueToken.Result result = accounts.issueToken().run(new IssueToken.Request("test", name, validity));
        assertThat(result).isInstanceOf(IssueToken.Issued.class);
        return (IssueToken.Issued) result;
    }

    AuthenticateToken.Result authenticate(String token) {
        return accounts.authenticateToken().run(new AuthenticateToken.Request(token));
    }

    @Test
    void aTokenIsThirtyTwoRandomBytesWithAPublicPrefixAndAuthenticatesItsUser() {
        String name = newUser();
        IssueToken.Issued issued = issue(name, IssueToken.DEFAULT_VALIDITY);
        assertThat(issued.token()).matches("a4p_[A-Za-z0-9_-]{43}").startsWith(issued.prefix()); // 43 base64 characters: 32 bytes
        assertThat(issued.prefix()).hasSize(12);
        assertThat(issue(name, IssueToken.DEFAULT_VALIDITY).token()).isNotEqualTo(issued.token());
        assertThat(authenticate(issued.token())).isInstanceOfSatisfying(AuthenticateToken.Authenticated.class, authenticated -> {
            assertThat(authenticated.user().name()).isEqualTo(name);
            assertThat(authenticated.user().missions()).containsExactly("MINUSCA");
            assertThat(authenticated.prefix()).isEqualTo(issued.prefix());
        });
    }

    @Test
    void storesOnlyTheSha256OfTheToken() {
        String name = newUser();
        IssueToken.Issued issued = issue(name, IssueToken.DEFAULT_VALIDITY);
        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT t.* FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE u.user_name = :name").bind("name", name).mapToMap().list());
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("token_sha256")).isEqualTo(Secrets.sha256(issued.token()));
            assertThat(row.get("prefix")).isEqualTo(issued.prefix());
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value))
                    .doesNotContain(issued.token()).doesNotContain(issued.token().substring(12)));
        });
        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void expiresAfterNinetyDaysByDefault() {
        String name = newUser();
        IssueToken.Issued issued = issue(name, IssueToken.DEFAULT_VALIDITY);
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(90)));
        clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(authenticate(issued.token())).isInstanceOf(AuthenticateToken.Authenticated.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(authenticate(issued.token())).isEqualTo(new AuthenticateToken.Denied());
    }

    @Test
    void expiresAfterTheValidityAskedFor() {
        String name = newUser();
        IssueToken.Issued issued = issue(name, Duration.ofDays(7));
        clock.advance(Duration.ofDays(7));
        assertThat(authenticate(issued.token())).isEqualTo(new AuthenticateToken.Denied());
        assertThat(accounts.issueToken().run(new IssueToken.Request("test", name, Duration.ZERO)))
                .isEqualTo(new IssueToken.InvalidValidity(Duration.ZERO));
        assertThat(accounts.issueToken().run(new IssueToken.Request("test", name, Duration.ofDays(367))))
                .isEqualTo(new IssueToken.InvalidValidity(Duration.ofDays(367)));
    }

    @Test
    void revokingEndsEveryTokenOfTheUserAndNoOtherUsers() {
        String name = newUser();
        String other = newUser();
        IssueToken.Issued first = issue(name, IssueToken.DEFAULT_VALIDITY);
        IssueToken.Issued second = issue(name, IssueToken.DEFAULT_VALIDITY);
        IssueToken.Issued others = issue(other, IssueToken.DEFAULT_VALIDITY);
        assertThat(activeTokens(name)).isEqualTo(2);
        assertThat(accounts.revokeTokens().run(new RevokeTokens.Request("test", name))).isEqualTo(new RevokeTokens.Revoked(name, 2));
        assertThat(authenticate(first.token())).isEqualTo(new AuthenticateToken.Denied());
        assertThat(authenticate(second.token())).isEqualTo(new AuthenticateToken.Denied());
        assertThat(authenticate(others.token())).isInstanceOf(AuthenticateToken.Authenticated.class);
        assertThat(activeTokens(name)).isZero();
        assertThat(accounts.revokeTokens().run(new RevokeTokens.Request("test", name))).isEqualTo(new RevokeTokens.Revoked(name, 0));
        assertThat(accounts.revokeTokens().run(new RevokeTokens.Request("test", "nobody"))).isEqualTo(new RevokeTokens.UnknownUser("nobody"));
    }

    @Test
    void aDisabledUsersTokensAreDeniedAndNoNewOneIsIssued() {
        String name = newUser();
        IssueToken.Issued issued = issue(name, IssueToken.DEFAULT_VALIDITY);
        accounts.disableUser().run(new DisableUser.Request("test", name));
        assertThat(authenticate(issued.token())).isEqualTo(new AuthenticateToken.Denied());
        assertThat(accounts.issueToken().run(new IssueToken.Request("test", name, IssueToken.DEFAULT_VALIDITY)))
                .isEqualTo(new IssueToken.UserDisabled(name));
        assertThat(accounts.issueToken().run(new IssueToken.Request("test", "nobody", IssueToken.DEFAULT_VALIDITY)))
                .isEqualTo(new IssueToken.UnknownUser("nobody"));
    }

    @Test
    void deniesAnUnknownOrMalformedToken() {
        assertThat(authenticate(ApiTokens.newToken())).isEqualTo(new AuthenticateToken.Denied());
        assertThat(authenticate("a4p_short")).isEqualTo(new AuthenticateToken.Denied());
        assertThat(authenticate("")).isEqualTo(new AuthenticateToken.Denied());
        assertThat(authenticate(null)).isEqualTo(new AuthenticateToken.Denied());
    }

    int activeTokens(String name) {
        return accounts.listUsers().run(new ListUsers.Request()).users().stream()
                .filter(entry -> entry.user().name().equals(name)).findFirst().orElseThrow().activeTokens();
    }
}
