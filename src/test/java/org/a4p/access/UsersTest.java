package org.a4p.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Adding, listing and disabling users on H2 and PostgreSQL: roles, mission scope, the stored hash, every refusal. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersTest {
    static final String PASSWORD = "lantern orchard vinegar";
    static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Parameter
    String url;

    Database database;
    Accounts accounts;

    @BeforeParameterizedClassInvocation
    void open() {
        database = Database.open(url);
        accounts = new Accounts(database.jdbi(), Fixtures.pack().orgUnits(), new TestClock(START.toString()));
    }

    @AfterParameterizedClassInvocation
    void close() {
        database.close();
    }

    AddUser.Result add(String name, String role, List<String> missions, String password) {
        return accounts.addUser().run(new AddUser.Request("test", name, role, missions, password));
    }

    @Test
    void addsAMissionOfficerScopedToItsMissions() {
        AddUser.Result result = add("officer.minusca", "mission_officer", List.of("MINUSMA", "MINUSCA", "MINUSMA"), PASSWORD);
        assertThat(result).isInstanceOfSatisfying(AddUser.Added.class, added -> {
            User user = added.user();
            assertThat(user.name()).isEqualTo("officer.minusca");
            assertThat(user.role()).isEqualTo(Role.MISSION_OFFICER);
            assertThat(user.missions()).containsExactly("MINUSCA", "MINUSMA"); // the duplicate counts once
            assertThat(user.enabled()).isTrue();
            assertThat(user.createdAt()).isEqualTo(START);
            assertThat(user.updatedAt()).isEqualTo(START);
        });
        assertThat(accounts.listUsers().run(new ListUsers.Request()).users())
                .filteredOn(entry -> entry.user().name().equals("officer.minusca"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.user().missions()).containsExactly("MINUSCA", "MINUSMA");
                    assertThat(entry.activeTokens()).isZero();
                });
    }

    @Test
    void storesThePasswordAsAnArgon2idPhcStringAtOwaspsMinimumOrAbove() {
        assertThat(add("stored.hash", "analyst", List.of(), PASSWORD)).isInstanceOf(AddUser.Added.class);
        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM app_user WHERE user_name = 'stored.hash'")
                .mapTo(String.class).one());
        Phc phc = Phc.parse(stored);
        assertThat(phc.variant()).isEqualTo("argon2id");
        assertThat(phc.memoryKib()).isGreaterThanOrEqualTo(19_456);
        assertThat(phc.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(phc.lanes()).isEqualTo(1);
        assertThat(stored).doesNotContain(PASSWORD);
        assertThat(new PasswordHasher().verify(PASSWORD, stored)).isTrue();
    }

    @Test
    void refusesANameTakenAlready() {
        assertThat(add("taken", "delegate", List.of(), PASSWORD)).isInstanceOf(AddUser.Added.class);
        assertThat(add("taken", "analyst", List.of(), "another long passphrase")).isEqualTo(new AddUser.NameTaken("taken"));
    }

    @Test
    void refusesANameWithCapitalsSpacesOrNothing() {
        assertThat(add("Alice", "analyst", List.of(), PASSWORD)).isEqualTo(new AddUser.InvalidName("Alice"));
        assertThat(add("al ice", "analyst", List.of(), PASSWORD)).isEqualTo(new AddUser.InvalidName("al ice"));
        assertThat(add("", "analyst", List.of(), PASSWORD)).isEqualTo(new AddUser.InvalidName(""));
        assertThat(add("x".repeat(65), "analyst", List.of(), PASSWORD)).isInstanceOf(AddUser.InvalidName.class);
    }

    @Test
    void refusesAnUnknownRoleNamingTheKnownOnes() {
        assertThat(add("nobody", "superuser", List.of(), PASSWORD)).isEqualTo(new AddUser.UnknownRole("superuser",
                List.of("admin", "analyst", "mission_officer", "conduct_officer", "medical_officer", "delegate")));
    }

    @Test
    void refusesAMissionThePackDoesNotHold() {
        assertThat(add("officer.x", "mission_officer", List.of("MINUSCA", "ATLANTIS"), PASSWORD))
                .isEqualTo(new AddUser.UnknownMission("ATLANTIS"));
        // a scope or a site is not a mission
        assertThat(add("officer.x", "mission_officer", List.of("PKO"), PASSWORD)).isEqualTo(new AddUser.UnknownMission("PKO"));
    }

    @Test
    void refusesAMissionOfficerWithoutMissionsAndMissionsForAnyOtherRole() {
        assertThat(add("officer.none", "mission_officer", List.of(), PASSWORD))
                .isEqualTo(new AddUser.ScopeMismatch("a mission_officer needs at least one mission"));
        assertThat(add("analyst.scoped", "analyst", List.of("MINUSCA"), PASSWORD))
                .isEqualTo(new AddUser.ScopeMismatch("only a mission, conduct or medical officer has missions; the role analyst sees every mission"));
    }

    @Test
    void refusesAWeakPasswordAndStoresNothing() {
        assertThat(add("weak", "analyst", List.of(), "short")).isEqualTo(new AddUser.WeakPassword("password too short: at least 12 characters"));
        assertThat(add("weak", "analyst", List.of(), "password1234")).isInstanceOf(AddUser.WeakPassword.class);
        assertThat(accounts.listUsers().run(new ListUsers.Request()).users()).noneMatch(entry -> entry.user().name().equals("weak"));
    }

    @Test
    void aFailedStatementNeverShowsItsArguments() {
        String hash = new PasswordHasher().hash(PASSWORD);
        Throwable failure = catchThrowable(() -> database.jdbi().useTransaction(handle -> {
            UserStore users = new UserStore(handle);
            users.insert("twin", Role.ANALYST, List.of(), hash, START);
            users.insert("twin", Role.ANALYST, List.of(), hash, START); // the name is unique
        }));
        assertThat(failure).isNotNull();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(hash.substring(30));
        }
    }

    @Test
    void disablesAUser() {
        assertThat(add("leaving", "conduct_officer", List.of(), PASSWORD)).isInstanceOf(AddUser.Added.class);
        assertThat(accounts.disableUser().run(new DisableUser.Request("test", "leaving"))).isEqualTo(new DisableUser.Disabled("leaving", 0));
        assertThat(accounts.listUsers().run(new ListUsers.Request()).users())
                .filteredOn(entry -> entry.user().name().equals("leaving")).singleElement()
                .satisfies(entry -> assertThat(entry.user().enabled()).isFalse());
        assertThat(accounts.disableUser().run(new DisableUser.Request("test", "ghost"))).isEqualTo(new DisableUser.UnknownUser("ghost"));
    }
}
