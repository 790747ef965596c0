package org.a4p.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.a4p.db.Database;
import org.a4p.db.Dialect;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

class DatabasesTest {

    /** The pattern for store and engine tests: every test of the class runs on H2 and on PostgreSQL. */
    @Nested
    @ParameterizedClass
    @MethodSource("org.a4p.testing.Databases#databases")
    class OnEachDatabase {
        @Parameter
        String url;

        @Test
        void migrationsCreateAnEmptySubmissionTable() {
            try (Database db = Database.open(url)) {
                assertThat(countSubmissions(db)).isZero();
            }
        }

        @Test
        void dialectFollowsTheUrl() {
            try (Database db = Database.open(url)) {
                assertThat(db.dialect()).isEqualTo(url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRES : Dialect.H2);
            }
        }
    }

    @Test
    void h2UrlOpensAFreshH2Database() {
        String first = Databases.h2Url("DatabasesTest");
        String second = Databases.h2Url("DatabasesTest");
        assertThat(first).startsWith("jdbc:h2:mem:").isNotEqualTo(second);
        try (Database a = Database.open(first); Database b = Database.open(second)) {
            assertThat(a.dialect()).isEqualTo(Dialect.H2);
            insertSubmission(a);
            assertThat(countSubmissions(a)).isEqualTo(1);
            assertThat(countSubmissions(b)).isZero();
        }
    }

    @Test
    void postgresUrlOpensARealPostgreSQLServer() {
        try (Database db = Database.open(Databases.postgresUrl())) {
            assertThat(db.dialect()).isEqualTo(Dialect.POSTGRES);
            String version = db.jdbi().withHandle(h -> h.createQuery("SELECT version()").mapTo(String.class).one());
            assertThat(version).startsWith("PostgreSQL ");
            assertThat(countSubmissions(db)).isZero();
        }
    }

    @Test
    void eachPostgresUrlIsAnIndependentDatabase() {
        String first = Databases.postgresUrl();
        String second = Databases.postgresUrl();
        assertThat(first).isNotEqualTo(second);
        try (Database a = Database.open(first); Database b = Database.open(second)) {
            insertSubmission(a);
            assertThat(countSubmissions(a)).isEqualTo(1);
            assertThat(countSubmissions(b)).isZero();
        }
    }

    private static long countSubmissions(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM submission").mapTo(Long.class).one());
    }

    private static void insertSubmission(Database db) {
        db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO submission (record_type, file_name, content_sha256, layout, whole_dataset, rows_read,
                    added, revised, unchanged, retired, warnings, synthetic, status, submitted_by, submitted_at)
                VALUES ('incident', 'probe.csv', ?, 'un', FALSE, 0, 0, 0, 0, 0, 0, TRUE, 'ok', 'test', CURRENT_TIMESTAMP)
                """, "0".repeat(64)));
    }
}
