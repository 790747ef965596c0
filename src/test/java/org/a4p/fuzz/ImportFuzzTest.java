package org.a4p.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.ingest.RowIssue;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary bytes imported as a fatality CSV file, as {@code a4p import --type fatality fuzz.csv} would,
 * into an H2 database that holds three valid records. The import is accepted or rejected and throws
 * nothing; a rejected import leaves the record table as it was. After an accepted import the database's
 * rows are put back as they were, so that every input meets the same records and a finding replays
 * alone. A rejected one is left on record (its submission, import attempt and DATA indicator values),
 * as no later input's validation reads those; putting them back would double the cost of an input.
 */
class ImportFuzzTest {
    private static final String FILE = "fuzz.csv";
    private static final String TYPE = "fatality";

    private static App app;
    private static RecordType type;
    private static Set<String> restrictedColumns;
    private static H2Snapshot baseline;
    private static RecordTableState baselineTable;
    private static Set<String> baselineKeys;

    @BeforeAll
    static void loadBaseline() throws SQLException {
        app = App.open(Databases.h2Url("fuzz-import"), null); // as the command line opens it
        type = app.pack().recordType(TYPE).orElseThrow();
        restrictedColumns = type.fields().stream().filter(Field::isRestricted).map(Field::name).collect(Collectors.toSet());
        ImportOutcome outcome = app.importer().run(request(ImportFile.resource("baseline-fatalities.csv",
                "/org/a4p/fuzz/baseline-fatalities.csv")), Progress.NONE);
        if (!(outcome instanceof ImportOutcome.Accepted)) {
            throw new IllegalStateException("the baseline was not accepted: " + outcome);
        }
        baseline = H2Snapshot.take(app.database().dataSource());
        try (Connection connection = app.database().dataSource().getConnection()) {
            baselineTable = RecordTableState.of(connection, type.tableName());
            baselineKeys = liveKeys(connection);
        }
    }

    @AfterAll
    static void close() {
        if (app != null) {
            app.close();
        }
    }

    @FuzzTest(maxDuration = "30s")
    void importsOrRejectsWholly(byte[] data) throws SQLException {
        ImportOutcome outcome = app.importer().run(request(new ImportFile(FILE, () -> new ByteArrayInputStream(data))),
                new CheckedProgress());
        checkIssues(outcome.warnings());
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            checkRejected(rejected);
            return;
        }
        try {
            checkAccepted((ImportOutcome.Accepted) outcome);
        } finally {
            baseline.restore(app.database().dataSource());
        }
    }

    private static ImportRequest request(ImportFile file) {
        return new ImportRequest(TYPE, null, List.of(file), false, false, "fuzz", false);
    }

    /** At least one error, and the record table exactly as it was. */
    private static void checkRejected(ImportOutcome.Rejected rejected) throws SQLException {
        if (rejected.errorCount() == 0 || rejected.errors().isEmpty()) {
            throw new AssertionError("rejected without an error: " + rejected);
        }
        checkIssues(rejected.errors());
        try (Connection connection = app.database().dataSource().getConnection()) {
            RecordTableState after = RecordTableState.of(connection, type.tableName());
            if (!after.equals(baselineTable)) {
                throw new AssertionError("a rejected import changed " + type.tableName() + ": " + baselineTable + " before, " + after
                        + " after; errors " + rejected.errors().stream().map(RowIssue::message).toList());
            }
        }
    }

    /** One submission; the rows it added are there; no record the baseline held is lost or retired. */
    private static void checkAccepted(ImportOutcome.Accepted accepted) throws SQLException {
        if (accepted.submissions().size() != 1) {
            throw new AssertionError("one file, " + accepted.submissions().size() + " submissions");
        }
        int added = accepted.submissions().get(0).added();
        try (Connection connection = app.database().dataSource().getConnection()) {
            RecordTableState after = RecordTableState.of(connection, type.tableName());
            if (after.rows() != baselineTable.rows() + added) {
                throw new AssertionError(added + " records added to " + baselineTable.rows() + ", but " + after.rows() + " stored");
            }
            Set<String> live = liveKeys(connection);
            if (!live.containsAll(baselineKeys)) {
                throw new AssertionError("an import without --snapshot lost or retired records: " + baselineKeys + " before, "
                        + live + " after");
            }
        }
    }

    private static Set<String> liveKeys(Connection connection) throws SQLException {
        Set<String> keys = new HashSet<>();
        String key = app.database().dialect().quote(type.key().get(0));
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + key + " FROM " + type.tableName() + " WHERE retired_by IS NULL")) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /** Every message names the file and holds no stack trace; a restricted field's value is never shown. */
    private static void checkIssues(List<RowIssue> issues) {
        for (RowIssue issue : issues) {
            String message = issue.message();
            if (!message.startsWith(FILE) || TableReadCheck.holdsStackTrace(message)) {
                throw new AssertionError("unreadable message: " + message);
            }
            if (issue.column() != null && restrictedColumns.contains(issue.column().strip().toLowerCase(Locale.ROOT)) && issue.value() != null && !RowIssue.WITHHELD.equals(issue.value())) {
                throw new AssertionError("a message shows the value of the restricted column '" + issue.column() + "'");
            }
        }
    }

    /** Fails the input when the importer reports progress outside 0..1. */
    private static final class CheckedProgress implements Progress {
        @Override
        public void update(String phase, double fraction) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new AssertionError("progress " + fraction + " in phase '" + phase + "', expected 0..1");
            }
        }

        @Override
        public void done() {}
    }
}
