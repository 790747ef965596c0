package org.a4p.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.a4p.app.App;
import org.a4p.pack.Indicator;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile and broken files ({@code src/test/resources/hostile/}, and the big or crafted
 * ones of {@link GeneratedCorpus}), each imported through the real command line into a database that
 * holds a small valid baseline, on H2 and on PostgreSQL. A refused file exits 1 (2 for a usage
 * error) with an error naming the file and the row, no stack trace, a short report, nothing written
 * and in bounded time. Text that merely looks hostile (HTML, SQL) is legitimate and stored verbatim.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileFilesTest {
    /** The error names no row: none applies (an empty file, a broken archive, the document's shape). */
    static final long NO_ROW = 0;
    /** The error names the row where reading stopped, which depends on buffer sizes (a damaged stream). */
    static final long SOME_ROW = -1;
    static final int REPORT_LIMIT = 20_000;
    static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String SECRET = "a4p-secret-" + UUID.randomUUID();

    /** One hostile file and how it must be refused: exit code, the row named, and a fragment of the error. */
    record Refused(String file, String type, int exit, long row, String error) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Refused> refused() {
        return Stream.of(
                // encodings
                refused("latin1.csv", 3, "not UTF-8 text: it looks like Latin-1 or Windows-1252; save the file as CSV UTF-8"),
                refused("windows1252.csv", 4, "not UTF-8 text: it looks like Latin-1 or Windows-1252"),
                refused("utf16le-bom.csv", NO_ROW, "not UTF-8 text: it is UTF-16"),
                refused("utf16be-bom.csv", NO_ROW, "not UTF-8 text: it is UTF-16"),
                refused("utf16le-no-bom.csv", NO_ROW, "not UTF-8 text: it looks like UTF-16 without a byte order mark"),
                refused("utf16be-no-bom.csv", NO_ROW, "not UTF-8 text: it looks like UTF-16 without a byte order mark"),
                refused("utf32le-bom.csv", NO_ROW, "not UTF-8 text: it is UTF-32"),
                refused("invalid-utf8-overlong.csv", 4, "not UTF-8 text (an invalid UTF-8 byte sequence)"),
                refused("invalid-utf8-cut-sequence.csv", 3, "not UTF-8 text (an invalid UTF-8 byte sequence)"),
                refused("latin1.json", 2, "not UTF-8 text"),
                // quoting
                refused("unterminated-quote.csv", 3, "unterminated quoted field"),
                refused("unterminated-quote-big.csv", 3, "the value in column 'name' is longer than 100,000 characters, the most a"
                        + " value may have (a quote left open?)"),
                refused("text-after-closing-quote.csv", 2, "text after the closing quote of a quoted field"),
                // ragged rows and headers
                refused("fewer-fields.csv", 3, "7 fields, expected 8 as in the header (a field or a delimiter missing?)"),
                refused("more-fields.csv", 4, "9 fields, expected 8 as in the header (a value holding the delimiter without quotes"),
                refused("unquoted-delimiter.csv", 3, "9 fields, expected 8 as in the header"),
                refused("semicolon-ragged.csv", 3, "3 fields, expected 8 as in the header"),
                refused("trailing-delimiter-mixed.csv", 3, "8 fields, expected 9 as in the header"),
                refused("value-under-empty-header.csv", 3, "a value in field 9, which has no column name in the header"),
                refused("duplicate-header-column.csv", 1, "the column name 'Mission' appears twice (columns 3 and 9)"),
                refused("long-column-name.csv", 1, "the name of column 9 is 300 characters long, more than the 256"),
                refused("wide-header.csv", 1, "the header has more than 1,000 columns"),
                refused("wide-row.csv", 2, "more than 1,000 fields, expected 8 as in the header"),
                refused("huge-field.csv", 3, "the value in column 'name' is longer than 100,000 characters"),
                refused("header-matches-no-layout.csv", NO_ROW, "the header row matches no layout of fatality"),
                // control characters
                refused("nul-byte.csv", 3, "column 'name': expected text without control characters, found U+0000"),
                refused("control-character-restricted.csv", 3, "column 'name': expected text without control characters, found U+001B"
                        + " at character 7 (value withheld: restricted field)"),
                refused("personnel", "control-character-text.csv", 3, "column 'contributing_country': expected text without control"
                        + " characters, found U+0007"),
                // formulas: every one lands in a typed or patterned field, which refuses it
                refused("formula-cmd.csv", 3, "column 'casualty_id': expected text matching"),
                refused("personnel", "formula-plus.csv", 3, "column 'women': expected a whole number, got '+SUM(1,2)'"),
                refused("formula-at.csv", 2, "column 'nationality': expected text matching [A-Z]{3}, got '@SUM(A1)'"),
                refused("personnel", "formula-minus.csv", 2, "column 'men': expected a whole number, got '-2+3'"),
                // dates
                refused("future-date.csv", 3, "column 'incident_date': expected a date no later than today"),
                refused("date-1800.csv", 2, "column 'incident_date': expected a date within the life of MINUSCA"),
                refused("date-feb-30.csv", 3, "column 'incident_date': expected a date like 2020-03-31, got '2020-02-30'"),
                refused("date-day-first.csv", 2, "column 'incident_date': expected a date like 2020-03-31, got '15/03/2021'"),
                // types, codes, keys, lengths
                refused("personnel", "wrong-type.csv", 2, "column 'women': expected a whole number, got 'five'"),
                refused("personnel", "negative-count.csv", 2, "column 'women': expected at least 0, got '-5'"),
                refused("personnel", "total-not-sum.csv", 3, "column 'total': expected the total of male + female, which is 950, got '905'"),
                refused("unknown-code.csv", 2, "column 'personnel_type': expected one of military"),
                refused("unknown-mission.csv", 2, "column 'mission': expected a known mission acronym"),
                refused("missing-required.csv", 2, "column 'incident_type': expected a value: incident_type is required"),
                refused("duplicate-key.csv", 4, "this row repeats the key"),
                refused("text-too-long.csv", 2, "column 'name': expected at most 4000 characters (value withheld: restricted field)"),
                refused("duplicate-field.json", 1, "the same field appears twice in one record"),
                refused("case-collision.json", 1, "the keys of this object name the column \"mission\" twice"),
                // empty and near-empty
                refused("empty.csv", NO_ROW, "the file is empty"),
                refused("bom-only.csv", NO_ROW, "the file is empty"),
                refused("blank-lines-only.csv", NO_ROW, "the file is empty"),
                refused("header-only.csv", NO_ROW, "the file has a header but no data rows"),
                refused("header-only.xlsx", NO_ROW, "the file has a header but no data rows"),
                refused("empty.json", NO_ROW, "the file is empty"),
                refused("empty-array.json", NO_ROW, "contains no records"),
                // binaries, archives, wrong extensions
                refused("binary-renamed.csv", NO_ROW, "not text: it holds NUL bytes, as binary files do"),
                refused("zip-renamed.csv", NO_ROW, "not text: it is a zip archive (an Excel workbook with the wrong file extension?)"),
                refused("xls-renamed.csv", NO_ROW, "not text: it is an old Excel .xls workbook"),
                refused("csv-renamed.xlsx", NO_ROW, "not an Excel workbook (xlsx) file"),
                refused("report.pdf", NO_ROW, "unsupported file type; accepted file types are .csv"),
                refused("not-gzip.csv.gz", NO_ROW, "not a gzip-compressed file"),
                refused("truncated.csv.gz", SOME_ROW, "the compressed file is damaged or incomplete"),
                refused("gzip-bomb.csv.gz", SOME_ROW, "inflates more than 100 times its size (a possible gzip bomb)"),
                refused("gzip-bomb.json.gz", NO_ROW, "inflates more than 100 times its size (a possible gzip bomb)"),
                refused("truncated.xlsx", NO_ROW, "the workbook is damaged or incomplete"),
                refused("zip-bomb.xlsx", NO_ROW, "a possible zip bomb"),
                refused("xxe-sheet.xlsx", NO_ROW, "holds a document type declaration (DOCTYPE)"),
                refused("xxe-shared-strings.xlsx", NO_ROW, "holds a document type declaration (DOCTYPE)"),
                refused("beyond-header.xlsx", 3, "a value in column M, but the header ends at column H"),
                // JSON shapes and bounds
                refused("truncated.json", 2, "the file ends in the middle of the data"),
                refused("top-level-number.json", NO_ROW, "expected a list of records: an array of objects, or an object with a"
                        + " \"records\" array; got a number"),
                refused("top-level-string.json", NO_ROW, "got a text value"),
                refused("array-of-numbers.json", 1, "expected an object of field names and values, got a number"),
                refused("nested-object.json", 2, "field \"where\" holds a nested object"),
                refused("nesting-bomb.json", NO_ROW, "values nested more than 64 levels deep"),
                refused("huge-string.json", 2, "the value of field \"name\" is longer than 100,000 characters"),
                refused("huge-number.json", 1, "the number in field \"nationality\" is longer than 100 characters"),
                refused("trailing-garbage.json", NO_ROW, "unexpected content after the list of records"),
                refused("comment.json", 1, "not valid JSON at line 1"),
                // usage errors: nothing is read, nothing is put on record
                new Refused("latin1.csv", "no_such_type", 2, NO_ROW, "unknown record type 'no_such_type'"),
                new Refused("missing-file.csv", "fatality", 2, NO_ROW, "no such file"));
    }

    private static Refused refused(String file, long row, String error) {
        return new Refused(file, "fatality", 1, row, error);
    }

    private static Refused refused(String type, String file, long row, String error) {
        return new Refused(file, type, 1, row, error);
    }

    /** Text that looks like an attack but is a legitimate value: stored exactly as written, nothing else touched. */
    record Verbatim(String file, String type, String table, String column, String value) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Verbatim> verbatim() {
        return Stream.of(
                // a country name field is free text: markup is data, escaped wherever it is shown
                new Verbatim("html-in-text.csv", "personnel", "rec_personnel", "contributing_country", "<script>alert(1)</script>"),
                // values reach the database only as bound parameters, so SQL in them is inert text
                new Verbatim("sql-in-text.csv", "personnel", "rec_personnel", "contributing_country", "'; DROP TABLE fatality; --"),
                // the same in a restricted field, which moreover must never be echoed
                new Verbatim("sql-in-restricted-text.csv", "fatality", "rec_fatality", "name", "Robert'); DROP TABLE rec_fatality;--"));
    }

    @TempDir
    static Path generated;

    @Parameter
    String url;

    App app;
    Set<String> ledgerIndicators;

    @BeforeAll
    static void generateBigFiles() throws IOException {
        new GeneratedCorpus(generated, SECRET).writeAll();
    }

    @BeforeParameterizedClassInvocation
    void loadBaseline() throws IOException {
        app = Fixtures.app(url);
        ledgerIndicators = app.pack().indicators().stream().filter(i -> i.formula().contains("import_attempt"))
                .map(Indicator::id).collect(Collectors.toSet());
        Path fatalities = Fixtures.csv(generated, "baseline-fatalities.csv", GeneratedCorpus.FATALITY_HEADER,
                "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,Person B",
                "UNMISS-2021-05-00003,2021-05-03,UNMISS,military,illness,M,IND,Person C");
        Path personnel = Fixtures.csv(generated, "baseline-personnel.csv", "report_date,mission,contributing_country,category,women,men",
                "2021-01-31,MINUSCA,Rwanda,military_contingent,20,80",
                "2021-02-28,MINUSCA,Rwanda,military_contingent,21,79",
                "2021-03-31,MINUSCA,Rwanda,military_contingent,22,78",
                "2021-03-31,UNMISS,India,individual_police,5,45");
        assertThat(CliRun.of("import", "--db", url, "--type", "fatality", fatalities.toString()).code()).isZero();
        assertThat(CliRun.of("import", "--db", url, "--type", "personnel", personnel.toString()).code()).isZero();
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesTheFileCleanlyAndWritesNothing(Refused hostile) throws Exception {
        Path file = corpusFile(hostile.file());
        Stored before = stored();

        CliRun run = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRun.of("import", "--db", url, "--type", hostile.type(), file.toString()));

        assertThat(run.code()).as(run.all()).isEqualTo(hostile.exit());
        assertThat(run.all()).as("no stack trace").doesNotContain("Exception", "\tat ");
        assertThat(run.all().length()).as("a short report").isLessThan(REPORT_LIMIT);
        assertThat(run.all()).doesNotContain(GeneratedCorpus.HUGE_FIELD_UNIT.repeat(20), SECRET);
        assertThat(run.err().lines()).as(run.err()).anyMatch(line -> line.contains(hostile.error()) && namesThePlace(line, hostile));
        Stored after = stored();
        assertThat(after.records()).as("records").isEqualTo(before.records());
        assertThat(after.figures()).as("indicator values").isEqualTo(before.figures());
        assertThat(after.accepted()).as("accepted submissions").isEqualTo(before.accepted());
        // a rejection is put on record (the data-quality indicators count it); a usage error is not an attempt
        assertThat(after.rejected()).as("rejected submissions").isEqualTo(before.rejected() + (hostile.exit() == 1 ? 1 : 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbatim")
    void storesHostileLookingTextVerbatim(Verbatim text) throws Exception {
        Path file = corpusFile(text.file());
        Stored before = stored();

        CliRun run = assertTimeoutPreemptively(HANG_GUARD,
                () -> CliRun.of("import", "--db", url, "--type", text.type(), file.toString()));

        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.all()).doesNotContain("Exception", "\tat ");
        if (app.pack().recordType(text.type()).orElseThrow().field(text.column()).orElseThrow().isRestricted()) {
            assertThat(run.all()).doesNotContain(text.value());
        }
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM rec_fatality") + Fixtures.count(app, "SELECT COUNT(*) FROM rec_personnel"))
                .as("both record tables are intact and one record was added")
                .isEqualTo(before.records().size() + 1L);
        try (Connection connection = app.database().dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + text.table() + " WHERE \"" + text.column() + "\" = ?")) {
            statement.setString(1, text.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("stored verbatim").isEqualTo(1);
            }
        }
    }

    private static boolean namesThePlace(String line, Refused hostile) {
        if (hostile.exit() == 2) {
            return true; // a usage error is about the command, not about a place in a file
        }
        String file = hostile.file();
        if (hostile.row() == SOME_ROW) {
            return Pattern.compile(Pattern.quote(file) + " row \\d+[:,]").matcher(line).find();
        }
        if (hostile.row() == NO_ROW) {
            return line.contains(file + ": ");
        }
        return line.contains(file + " row " + hostile.row() + ":") || line.contains(file + " row " + hostile.row() + ",");
    }

    private static Path corpusFile(String name) throws URISyntaxException {
        Path made = generated.resolve(name);
        if (Files.exists(made)) {
            return made;
        }
        java.net.URL resource = HostileFilesTest.class.getResource("/hostile/" + name);
        return resource == null ? made : Path.of(resource.toURI());
    }

    /** Everything an import could touch: the records, every indicator value but the import ledger's, the submissions. */
    record Stored(List<List<Object>> records, List<List<Object>> figures, long accepted, long rejected) {}

    private Stored stored() throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            List<List<Object>> records = rows(connection, "SELECT 'fatality', r.* FROM rec_fatality r ORDER BY r.id");
            records.addAll(rows(connection, "SELECT 'personnel', r.* FROM rec_personnel r ORDER BY r.id"));
            List<List<Object>> figures = rows(connection,
                    "SELECT * FROM indicator_value ORDER BY org_unit, indicator_id, period, disaggregation");
            figures.removeIf(row -> ledgerIndicators.contains((String) row.get(0)));
            return new Stored(records, figures,
                    Fixtures.count(app, "SELECT COUNT(*) FROM submission WHERE status <> 'rejected'"),
                    Fixtures.count(app, "SELECT COUNT(*) FROM submission WHERE status = 'rejected'"));
        }
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }
}
