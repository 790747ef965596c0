package org.a4p.ingest;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.amount;
import static org.a4p.support.Fixtures.count;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.pack.Field;
import org.a4p.pack.Pack;
import org.a4p.pack.PackFixture;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records the system writes itself land in the right columns, whatever the pack's field order, and old databases upgrade. */
class SystemRecordsTest {
    static final List<String> SYSTEM_TYPES = List.of("import_attempt", "reporting_status", "location_coverage");
    static final String PERSONNEL = DataQualityTest.HEADER;
    static final String CONSULTS = DataQualityTest.CONSULTS;
    static final String ATTEMPT_COLUMNS = "SELECT \"mission\", \"record_type\", \"rows_read\", \"errors\", \"rejected\", \"records_month\","
            + " \"first_attempt\", \"records_written\", \"records_flagged\", \"rows_warned\" FROM rec_import_attempt ORDER BY id";

    @TempDir
    Path folder;

    /** Reverses the order of the fields of a record type's YAML. */
    private static void reverseFields(PackFixture pack, String type) {
        String file = "record_types/" + type + ".yaml";
        String text = pack.read(file);
        int start = text.indexOf("  fields:\n") + "  fields:\n".length();
        List<String> blocks = new ArrayList<>(List.of(text.substring(start).split("(?=    - name: )")));
        Collections.reverse(blocks);
        pack.write(file, text.substring(0, start) + String.join("", blocks));
    }

    /** Every row of a query, each value as Java reads it back the same on H2 and PostgreSQL. */
    private static List<List<Object>> rows(App app, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection connection = app.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Number n ? (Object) n.longValue()
                            : value instanceof java.sql.Date d ? d.toLocalDate() : value);
                }
                out.add(row);
            }
        }
        return out;
    }

    private void importFixture(App app) throws Exception {
        assertThat(importFiles(app, "personnel", false, csv(folder, "bad.csv", PERSONNEL,
                "2020-01-31,MINUSCA,Rwanda,military_contingent,five,95"))).isInstanceOf(ImportOutcome.Rejected.class);
        accepted(importFiles(app, "personnel", false, csv(folder, "jan.csv", PERSONNEL,
                "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95",
                "2020-01-31,MINUSCA,Nepal,military_contingent,5,95")));
        accepted(importFiles(app, "telemedicine_consult", false, csv(folder, "consults.csv", CONSULTS,
                "T1,2021-01-05,MINUSCA,MINUSCA-BAMBARI,live,false",
                "T2,2021-01-20,MINUSCA,,live,false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void writesSystemRecordsByFieldNameWhateverTheirOrderInThePack(String url) throws Exception {
        PackFixture edited = PackFixture.copyBundled(folder.resolve("pack"));
        SYSTEM_TYPES.forEach(type -> reverseFields(edited, type));
        Pack pack = PackLoader.load(PackSource.folder(edited.root())).orThrow();
        for (String type : SYSTEM_TYPES) {
            List<String> bundled = Fixtures.pack().recordType(type).orElseThrow().fields().stream().map(Field::name).toList();
            List<String> reversed = new ArrayList<>(bundled);
            Collections.reverse(reversed);
            assertThat(pack.recordType(type).orElseThrow().fields()).extracting(Field::name).as(type).isEqualTo(reversed);
        }
        try (App app = new App(pack, Database.open(url))) {
            importFixture(app);

            assertThat(rows(app, ATTEMPT_COLUMNS)).containsExactly(
                    List.of("MINUSCA", "personnel", 1L, 1L, true, LocalDate.of(2020, 1, 31), true, 0L, 0L, 0L),
                    List.of("MINUSCA", "personnel", 2L, 0L, false, LocalDate.of(2020, 1, 31), false, 2L, 0L, 0L),
                    List.of("MINUSCA", "telemedicine_consult", 2L, 0L, false, LocalDate.of(2021, 1, 31), true, 2L, 0L, 0L));
            assertThat(rows(app, "SELECT \"record_type\", \"records\", \"first_submitted_on\" FROM rec_reporting_status"
                    + " WHERE \"mission\" = 'MINUSCA' AND \"report_month\" = DATE '2020-01-31'"))
                    .containsExactly(List.of("personnel", 2L, LocalDate.now(ZoneOffset.UTC)));
            assertThat(rows(app, "SELECT \"record_month\", \"mission\", \"record_type\", \"records\", \"located\" FROM rec_location_coverage"))
                    .containsExactly(List.of(LocalDate.of(2021, 1, 31), "MINUSCA", "telemedicine_consult", 2L, 1L));
            assertThat(amount(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021-01")).isEqualTo(50); // T1 of T1, T2
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void anExistingDatabaseGainsTheNewColumnsAndTables(String url) throws Exception {
        try (App before = Fixtures.app(url)) {
            accepted(importFiles(before, "personnel", false, csv(folder, "jan.csv", PERSONNEL,
                    "2020-01-31,MINUSCA,Rwanda,military_contingent,5,95")));
            // The database as the previous release left it: attempts without the new fields, no coverage table.
            try (Connection connection = before.database().dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                for (String column : List.of("records_month", "first_attempt", "records_written", "records_flagged", "rows_warned")) {
                    statement.execute("ALTER TABLE rec_import_attempt DROP COLUMN \"" + column + "\"");
                }
                statement.execute("DROP TABLE rec_location_coverage");
            }
        }
        try (App after = Fixtures.app(url)) {
            accepted(importFiles(after, "personnel", false, csv(folder, "feb.csv", PERSONNEL,
                    "2020-02-29,MINUSCA,Rwanda,military_contingent,5,95")));
            accepted(importFiles(after, "telemedicine_consult", false, csv(folder, "consults.csv", CONSULTS,
                    "T1,2021-01-05,MINUSCA,MINUSCA-BAMBARI,live,false")));

            assertThat(rows(after, ATTEMPT_COLUMNS)).containsExactly(
                    Arrays.asList("MINUSCA", "personnel", 1L, 0L, false, null, null, null, null, null),
                    List.of("MINUSCA", "personnel", 1L, 0L, false, LocalDate.of(2020, 2, 29), true, 1L, 0L, 0L),
                    List.of("MINUSCA", "telemedicine_consult", 1L, 0L, false, LocalDate.of(2021, 1, 31), true, 1L, 0L, 0L));
            assertThat(count(after, "SELECT COUNT(*) FROM rec_location_coverage")).isEqualTo(1);
            String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());
            // The old attempt has no month and no counts, so it takes no part: the two new ones are first attempts, accepted.
            assertThat(amount(after, "DATA.FIRST_ATTEMPT_ACCEPTANCE", "MINUSCA", year)).isEqualTo(100);
            assertThat(amount(after, "DATA.FLAGGED_RECORDS_SHARE", "MINUSCA", year)).isZero(); // 0 of 1 + 1
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void figuresOnSyntheticRecordsAreLabelledSynthetic(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            accepted(app.importer().run(new ImportRequest("telemedicine_consult", null, List.of(ImportFile.of(csv(folder, "synthetic.csv",
                    CONSULTS, "T1,2021-01-05,MINUSCA,MINUSCA-BAMBARI,live,false"))), false, true, "test"), Progress.NONE));
            accepted(importFiles(app, "telemedicine_consult", false, csv(folder, "real.csv", CONSULTS,
                    "T2,2021-02-05,MINUSCA,,live,false")));
            String year = Integer.toString(LocalDate.now(ZoneOffset.UTC).getYear());

            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021-01", "").synthetic()).isTrue();
            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021-02", "").synthetic()).isFalse();
            assertThat(Fixtures.value(app, "DATA.LOCATED_RECORDS_SHARE", "MINUSCA", "2021", "").synthetic()).isTrue();
            assertThat(count(app, "SELECT COUNT(*) FROM rec_import_attempt WHERE synthetic")).isEqualTo(1);
            assertThat(Fixtures.value(app, "DATA.FLAGGED_RECORDS_SHARE", "MINUSCA", year, "").synthetic()).isTrue();
        }
    }
}
