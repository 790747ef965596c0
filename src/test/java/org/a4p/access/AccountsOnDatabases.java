package org.a4p.access;

import org.a4p.db.Database;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The set-up the account tests share: each runs on H2 and PostgreSQL, with one database per run
 * and, for every test, a clock the test moves and accounts built on it.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountsOnDatabases {
    static final String PASSWORD = "lantern orchard vinegar";

    @Parameter
    String url;

    Database database;
    TestClock clock;
    Accounts accounts;
    /** Numbers the users a test makes, so names never clash within a run. */
    int users;

    @BeforeParameterizedClassInvocation
    void open() {
        database = Database.open(url);
    }

    @AfterParameterizedClassInvocation
    void close() {
        database.close();
    }

    @BeforeEach
    void freshClock() {
        clock = new TestClock("2026-01-05T09:00:00Z");
        accounts = accounts();
    }

    /** The accounts under test, on {@link #database} and {@link #clock}; the default policies unless a test says otherwise. */
    Accounts accounts() {
        return new Accounts(database.jdbi(), Fixtures.pack().orgUnits(), clock);
    }
}
