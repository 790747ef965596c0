package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.a4p.audit.AuditTrail;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Logins on H2 and PostgreSQL with a clock the test moves: the delay that grows after each
 * failure, the lock after N failures that refuses even the right password, its expiry, the reset
 * on success, and one account shared by two app instances. Most tests lock after 3 failures
 * (each attempt costs an Argon2id verification); one takes the default of 10.
 */
class LoginTest extends AccountsOnDatabases {
    static final String WRONG = "lantern orchard vinegaR";
    static final LoginPolicy THREE_STRIKES = new LoginPolicy(3, Duration.ofMinutes(15), Duration.ofSeconds(1));

    @Override
    Accounts accounts() {
        return accounts(database, THREE_STRIKES);
    }

    Accounts accounts(Database on, LoginPolicy policy) {
        return new Accounts(on.jdbi(), Fixtures.pack().orgUnits(), clock, new AuditTrail(clock), policy, SessionPolicy.DEFAULT);
    }

    /** A new analyst with {@link #PASSWORD}; each test has its own. */
    String newUser() {
        String name = "analyst" + ++users;
        assertThat(accounts.addUser().run(new AddUser.Request("test", name, "analyst", List.of(), PASSWORD))).isInstanceOf(AddUser.Added.class);
        return name;
    }

    Login.Result login(Accounts on, String name, String password) {
        return on.login().run(new Login.Request(name, password));
    }

    Login.Result login(String name, String password) {
        return login(accounts, name, password);
    }

    int failedLogins(String name) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT failed_logins FROM app_user WHERE user_name = :name")
                .bind("name", name).mapTo(Integer.class).one());
    }

    Instant at(long secondsFromNow) {
        return clock.instant().plusSeconds(secondsFromNow);
    }

    @Test
    void logsInWithTheRightPassword() {
        String name = newUser();
        assertThat(login(name, PASSWORD)).isInstanceOfSatisfying(Login.LoggedIn.class,
                loggedIn -> assertThat(loggedIn.user().name()).isEqualTo(name));
    }

    @Test
    void deniesAWrongPasswordAnUnknownNameAndADisabledAccountAlike() {
        String name = newUser();
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        assertThat(login("nobody", PASSWORD)).isEqualTo(new Login.Denied());
        assertThat(login(null, null)).isEqualTo(new Login.Denied());
        String disabled = newUser();
        accounts.disableUser().run(new DisableUser.Request("test", disabled));
        assertThat(login(disabled, PASSWORD)).isEqualTo(new Login.Denied());
    }

    @Test
    void eachFailureMakesTheNextAttemptWaitTwiceAsLong() {
        String name = newUser();
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        assertThat(login(name, PASSWORD)).isEqualTo(new Login.TryLater(at(1))); // 1 s after the first failure
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        assertThat(login(name, PASSWORD)).isEqualTo(new Login.TryLater(at(2))); // 2 s after the second
        clock.advance(Duration.ofSeconds(2));
        assertThat(login(name, PASSWORD)).isInstanceOf(Login.LoggedIn.class);
    }

    @Test
    void locksAfterTenFailuresByDefaultAndRefusesTheRightPasswordUntilTheLockExpires() {
        accounts = accounts(database, LoginPolicy.DEFAULT);
        String name = newUser();
        for (int failure = 1; failure <= 9; failure++) {
            assertThat(login(name, WRONG)).as("failure %d", failure).isEqualTo(new Login.Denied());
            clock.advance(Duration.ofSeconds(1L << (failure - 1))); // 1, 2, 4 … 256 s: just long enough
        }
        assertThat(login(name, WRONG)).isEqualTo(new Login.Locked(at(15 * 60)));
        assertThat(failedLogins(name)).isEqualTo(10);
        assertThat(login(name, PASSWORD)).isEqualTo(new Login.Locked(at(15 * 60)));
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(login(name, PASSWORD)).isInstanceOf(Login.Locked.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(name, PASSWORD)).isInstanceOf(Login.LoggedIn.class);
        assertThat(failedLogins(name)).isZero();
    }

    @Test
    void aLockThatExpiredStartsTheCountAfresh() {
        String name = newUser();
        lockOut(name);
        clock.advance(Duration.ofMinutes(15));
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied()); // failure 1 of a new count, not 4
        assertThat(failedLogins(name)).isEqualTo(1);
        assertThat(login(name, PASSWORD)).isEqualTo(new Login.TryLater(at(1)));
    }

    @Test
    void successResetsTheFailures() {
        String name = newUser();
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        clock.advance(Duration.ofSeconds(2));
        assertThat(failedLogins(name)).isEqualTo(2);
        assertThat(login(name, PASSWORD)).isInstanceOf(Login.LoggedIn.class);
        assertThat(failedLogins(name)).isZero();
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied()); // failure 1 again: not locked, a 1 s wait
        assertThat(login(name, PASSWORD)).isEqualTo(new Login.TryLater(at(1)));
    }

    @Test
    void anAdminCanLiftALockAtOnce() {
        String name = newUser();
        lockOut(name);
        assertThat(accounts.unlockUser().run(new UnlockUser.Request("test", name))).isEqualTo(new UnlockUser.Unlocked(name));
        assertThat(login(name, PASSWORD)).isInstanceOf(Login.LoggedIn.class);
        assertThat(accounts.unlockUser().run(new UnlockUser.Request("test", "nobody"))).isEqualTo(new UnlockUser.UnknownUser("nobody"));
    }

    @Test
    void aResetPasswordLiftsTheLockAndRetiresTheOldPassword() {
        String name = newUser();
        lockOut(name);
        assertThat(accounts.resetPassword().run(new ResetPassword.Request("test", name, "a different passphrase")))
                .isEqualTo(new ResetPassword.Reset(name, 0));
        assertThat(login(name, PASSWORD)).isEqualTo(new Login.Denied());
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(name, "a different passphrase")).isInstanceOf(Login.LoggedIn.class);
        assertThat(accounts.resetPassword().run(new ResetPassword.Request("test", name, "tooshort")))
                .isEqualTo(new ResetPassword.WeakPassword("password too short: at least 12 characters"));
    }

    @Test
    void twoAppInstancesOnOneDatabaseCountFailuresTogether() {
        String name = newUser();
        try (Database second = Database.open(url)) {
            Accounts other = accounts(second, THREE_STRIKES);
            assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
            assertThat(login(other, name, PASSWORD)).isEqualTo(new Login.TryLater(at(1))); // the other instance sees the wait
            clock.advance(Duration.ofSeconds(1));
            assertThat(login(other, name, WRONG)).isEqualTo(new Login.Denied());
            clock.advance(Duration.ofSeconds(2));
            assertThat(login(name, WRONG)).isEqualTo(new Login.Locked(at(15 * 60)));
            assertThat(login(other, name, PASSWORD)).isEqualTo(new Login.Locked(at(15 * 60)));
        }
    }

    @Test
    void logsNameAndOutcomeOfEveryAttemptButNeverThePassword() {
        Logger logger = (Logger) LoggerFactory.getLogger(SecurityEvents.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            String name = newUser();
            login(name, PASSWORD);
            lockOut(name);
            login(name, PASSWORD);
            login("evil\nevent=login user=admin outcome=success", WRONG);
            List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).contains(
                    "event=login user=" + name + " outcome=success",
                    "event=login user=" + name + " outcome=failure reason=wrong_password failures=1",
                    "event=lockout user=" + name + " failures=3 locked_until=" + at(15 * 60),
                    "event=denied user=" + name + " action=login reason=locked",
                    "event=login user=evil?event=login?user=admin?outcome=success outcome=failure reason=unknown_user failures=0");
            assertThat(String.join("\n", lines)).doesNotContain(PASSWORD, WRONG, "$argon2");
        } finally {
            logger.detachAppender(appender);
        }
    }

    /** Three failures, each after the previous wait: the account is locked for 15 minutes from now. */
    void lockOut(String name) {
        clock.advance(Duration.ofMinutes(1));
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(name, WRONG)).isEqualTo(new Login.Denied());
        clock.advance(Duration.ofSeconds(2));
        assertThat(login(name, WRONG)).isEqualTo(new Login.Locked(at(15 * 60)));
    }
}
