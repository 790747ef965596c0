package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sessions in the database on H2 and PostgreSQL, with the default policy (30 minutes idle, 8 hours
 * in all) and a clock the test moves: timeouts, logout, rotation, and the end of every session of
 * a user who is disabled or whose password is reset.
 */
class SessionsTest extends AccountsOnDatabases {

    User newUser() {
        String name = "medic" + ++users;
        AddUser.Result result = accounts.addUser().run(new AddUser.Request("test", name, "medical_officer", List.of(), PASSWORD));
        return ((AddUser.Added) result).user();
    }

    String start(User user) {
        return start(user, null);
    }

    String start(User user, String previous) {
        StartSession.Result result = accounts.startSession().run(new StartSession.Request(user.id(), previous));
        assertThat(result).isInstanceOf(StartSession.Started.class);
        return ((StartSession.Started) result).sessionId();
    }

    TouchSession.Result touch(String sessionId) {
        return accounts.touchSession().run(new TouchSession.Request(sessionId));
    }

    @Test
    void aSessionIdIsLongRandomAndStoredOnlyHashed() {
        User user = newUser();
        String sessionId = start(user);
        assertThat(sessionId).matches("[A-Za-z0-9_-]{43}"); // 32 random bytes
        assertThat(start(user)).isNotEqualTo(sessionId);
        List<String> stored = database.jdbi().withHandle(h -> h.createQuery("SELECT session_sha256 FROM user_session WHERE user_id = :id")
                .bind("id", user.id()).mapTo(String.class).list());
        assertThat(stored).hasSize(2).contains(Secrets.sha256(sessionId)).doesNotContain(sessionId);
        assertThat(touch(sessionId)).isEqualTo(new TouchSession.Active(user));
    }

    @Test
    void endsAfterThirtyMinutesIdle() {
        String sessionId = start(newUser());
        clock.advance(Duration.ofMinutes(29));
        assertThat(touch(sessionId)).isInstanceOf(TouchSession.Active.class);
        clock.advance(Duration.ofMinutes(29)); // 58 minutes in, 29 idle: each use restarts the idle time
        assertThat(touch(sessionId)).isInstanceOf(TouchSession.Active.class);
        clock.advance(Duration.ofMinutes(30));
        assertThat(touch(sessionId)).isEqualTo(new TouchSession.Expired(TouchSession.Timeout.IDLE));
        assertThat(touch(sessionId)).isEqualTo(new TouchSession.Unknown()); // it ended: no second chance
    }

    @Test
    void endsEightHoursAfterItBeganHoweverBusy() {
        String sessionId = start(newUser());
        for (int minutes = 20; minutes < 8 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(touch(sessionId)).as("%d minutes in", minutes).isInstanceOf(TouchSession.Active.class);
        }
        clock.advance(Duration.ofMinutes(20)); // 8 hours in
        assertThat(touch(sessionId)).isEqualTo(new TouchSession.Expired(TouchSession.Timeout.ABSOLUTE));
    }

    @Test
    void endsAtLogout() {
        User user = newUser();
        String sessionId = start(user);
        String other = start(user);
        assertThat(accounts.endSession().run(new EndSession.Request(sessionId))).isEqualTo(new EndSession.Ended(user.name()));
        assertThat(touch(sessionId)).isEqualTo(new TouchSession.Unknown());
        assertThat(touch(other)).isInstanceOf(TouchSession.Active.class); // another browser's session goes on
        assertThat(accounts.endSession().run(new EndSession.Request(sessionId))).isEqualTo(new EndSession.Unknown());
    }

    @Test
    void startingASessionInPlaceOfAnotherEndsTheOldOne() {
        User user = newUser();
        String before = start(user);
        String after = start(user, before);
        assertThat(after).isNotEqualTo(before);
        assertThat(touch(before)).isEqualTo(new TouchSession.Unknown());
        assertThat(touch(after)).isInstanceOf(TouchSession.Active.class);
    }

    @Test
    void disablingAUserEndsEverySessionOfTheirs() {
        User user = newUser();
        String first = start(user);
        String second = start(user);
        assertThat(accounts.disableUser().run(new DisableUser.Request("test", user.name()))).isEqualTo(new DisableUser.Disabled(user.name(), 2));
        assertThat(touch(first)).isEqualTo(new TouchSession.Unknown());
        assertThat(touch(second)).isEqualTo(new TouchSession.Unknown());
        assertThat(accounts.startSession().run(new StartSession.Request(user.id(), null))).isEqualTo(new StartSession.Refused(user.id()));
    }

    @Test
    void resettingThePasswordEndsEverySessionOfTheUser() {
        User user = newUser();
        User other = newUser();
        String session = start(user);
        String othersSession = start(other);
        assertThat(accounts.resetPassword().run(new ResetPassword.Request("test", user.name(), "a different passphrase")))
                .isEqualTo(new ResetPassword.Reset(user.name(), 1));
        assertThat(touch(session)).isEqualTo(new TouchSession.Unknown());
        assertThat(touch(othersSession)).isInstanceOf(TouchSession.Active.class);
    }

    @Test
    void startingASessionClearsThoseThatTimedOutUnnoticed() {
        User user = newUser();
        start(user);
        clock.advance(Duration.ofMinutes(31));
        String fresh = start(user);
        List<String> stored = database.jdbi().withHandle(h -> h.createQuery("SELECT session_sha256 FROM user_session WHERE user_id = :id")
                .bind("id", user.id()).mapTo(String.class).list());
        assertThat(stored).containsExactly(Secrets.sha256(fresh));
    }
}
