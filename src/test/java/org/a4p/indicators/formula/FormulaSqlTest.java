package org.a4p.indicators.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.a4p.db.Dialect;
import org.a4p.pack.Confidentiality;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.RecordType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs compiled fragments against a real H2 table of five hand-made rows and compares with counts
 * worked out by hand:
 *
 * <pre>
 * id  incident_type  age   incident_date  reported_on  closed_on   women  men  surgery
 * 1   malicious_act  30    2024-01-10     2024-01-01   2024-01-11  3      7    true
 * 2   accident       25    2024-02-15     2024-02-01   2024-03-02  1      2    false
 * 3   malicious_act  NULL  2024-03-20     2024-03-01   NULL        0      4    NULL
 * 4   NULL           40    NULL           2024-01-05   2024-01-06  NULL   5    true
 * 5   illness        52    2023-12-31     2023-12-30   2024-01-02  2      2    false
 * </pre>
 */
class FormulaSqlTest {
    private static final RecordType T = new RecordType("t", "t", "", "incident_date", "mission", null, List.of("id"),
            List.of(field("id", FieldType.INTEGER), field("incident_type", FieldType.CODE),
                    field("age", FieldType.INTEGER), field("weight", FieldType.DECIMAL),
                    field("incident_date", FieldType.DATE), field("reported_on", FieldType.DATE),
                    field("closed_on", FieldType.DATE), field("women", FieldType.INTEGER),
                    field("men", FieldType.INTEGER), field("surgery", FieldType.BOOLEAN)));

    private Connection db;

    @BeforeEach
    void createTable() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:formula;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS \"rec_t\"");
            s.execute("CREATE TABLE \"rec_t\" (\"id\" INTEGER, \"incident_type\" VARCHAR(40), \"age\" INTEGER,"
                    + " \"weight\" DECIMAL(6, 2), \"incident_date\" DATE, \"reported_on\" DATE, \"closed_on\" DATE,"
                    + " \"women\" INTEGER, \"men\" INTEGER, \"surgery\" BOOLEAN)");
            s.execute("INSERT INTO \"rec_t\" VALUES"
                    + " (1, 'malicious_act', 30, 70.5, DATE '2024-01-10', DATE '2024-01-01', DATE '2024-01-11', 3, 7, TRUE),"
                    + " (2, 'accident', 25, 60, DATE '2024-02-15', DATE '2024-02-01', DATE '2024-03-02', 1, 2, FALSE),"
                    + " (3, 'malicious_act', NULL, NULL, DATE '2024-03-20', DATE '2024-03-01', NULL, 0, 4, NULL),"
                    + " (4, NULL, 40, 80, NULL, DATE '2024-01-05', DATE '2024-01-06', NULL, 5, TRUE),"
                    + " (5, 'illness', 52, 55.25, DATE '2023-12-31', DATE '2023-12-30', DATE '2024-01-02', 2, 2, FALSE)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void equalityLeavesOutMissingValues() throws SQLException {
        assertThat(count("incident_type = 'malicious_act'")).isEqualTo(2);
    }

    @Test
    void inequalityIsSpelledWithAngleBracketsAndLeavesOutMissingValues() throws SQLException {
        assertThat(sql("incident_type != 'malicious_act'").sql()).isEqualTo("\"incident_type\" <> ?");
        assertThat(count("incident_type != 'malicious_act'")).isEqualTo(2);
    }

    @Test
    void notOfComparisonLeavesOutMissingValuesToo() throws SQLException {
        assertThat(count("not (incident_type = 'malicious_act')")).isEqualTo(2);
    }

    @Test
    void missingValuesAreIncludedWhenAskedFor() throws SQLException {
        assertThat(count("incident_type != 'malicious_act' or incident_type is null")).isEqualTo(3);
    }

    @Test
    void isNullAndIsNotNullSplitTheRows() throws SQLException {
        assertThat(count("incident_type is null")).isEqualTo(1);
        assertThat(count("incident_type is not null")).isEqualTo(4);
    }

    @Test
    void inAndNotInLeaveOutMissingValues() throws SQLException {
        assertThat(count("incident_type in ('malicious_act', 'illness')")).isEqualTo(3);
        assertThat(count("incident_type not in ('malicious_act', 'illness')")).isEqualTo(1);
    }

    @Test
    void comparesIntegersBoundAsLongs() throws SQLException {
        assertThat(sql("age = 25").parameters()).containsExactly(25L);
        assertThat(count("age = 25")).isEqualTo(1);
        assertThat(count("age > 28")).isEqualTo(3);
        assertThat(count("age >= 30 and age < 52")).isEqualTo(2);
        assertThat(count("age > 27.5")).isEqualTo(3);
    }

    @Test
    void comparesDecimalsBoundAsDoubles() throws SQLException {
        assertThat(sql("weight > 60").parameters()).containsExactly(60.0);
        assertThat(count("weight > 60")).isEqualTo(2);
    }

    @Test
    void comparesDatesBoundAsLocalDates() throws SQLException {
        assertThat(sql("incident_date >= '2024-01-01'").parameters()).containsExactly(LocalDate.of(2024, 1, 1));
        assertThat(count("incident_date >= '2024-01-01'")).isEqualTo(3);
        assertThat(count("incident_date < '2024-02-15'")).isEqualTo(2);
        assertThat(count("incident_date in ('2024-01-10', '2023-12-31')")).isEqualTo(2);
    }

    @Test
    void comparesBooleansBoundAsBooleans() throws SQLException {
        assertThat(sql("surgery = true").parameters()).containsExactly(Boolean.TRUE);
        assertThat(count("surgery = true")).isEqualTo(2);
        assertThat(count("surgery != true")).isEqualTo(2);
    }

    @Test
    void combinesAndOrNotWithParentheses() throws SQLException {
        assertThat(count("(incident_type = 'accident' or age > 50) and not surgery = true")).isEqualTo(2);
        assertThat(count("incident_type = 'accident' or age > 50 and surgery = true")).isEqualTo(1);
    }

    @Test
    void bindsStringsWithQuotesSafely() throws SQLException {
        assertThat(count("incident_type = 'x'' OR ''1''=''1'")).isZero();
    }

    @Test
    void sumsAFieldSkippingMissingValues() throws SQLException {
        assertThat(sum("sum(t.women)")).isEqualTo(6.0);
    }

    @Test
    void rowArithmeticWithAMissingFieldIsMissing() throws SQLException {
        assertThat(sum("sum(t.women + t.men)")).isEqualTo(21.0);
    }

    @Test
    void rowDivisionIsInFloatingPoint() throws SQLException {
        assertThat(sum("sum(t.women / t.men)")).isCloseTo(3.0 / 7 + 0.5 + 0 + 1, within(1e-9));
    }

    @Test
    void rowDivisionByZeroIsMissing() throws SQLException {
        assertThat(sum("sum(t.women / (t.men - t.men))")).isNull();
    }

    @Test
    void rowNumbersAreParameters() throws SQLException {
        SqlFragment value = FormulaSql.rowValue(argument("sum(t.women * 100)"), Dialect.H2);
        assertThat(value.parameters()).containsExactly(100.0);
        assertThat(sum("sum(t.women * 100 where incident_type = 'malicious_act')")).isEqualTo(300.0);
    }

    @Test
    void daysBetweenCountsWholeDays() throws SQLException {
        assertThat(sum("sum(days_between(t.reported_on, t.closed_on))")).isEqualTo(10.0 + 30 + 1 + 3);
    }

    @Test
    void hoursAndMinutesBetweenDates() throws SQLException {
        assertThat(sum("sum(hours_between(t.reported_on, t.closed_on) where id = 1)")).isEqualTo(240.0);
        assertThat(sum("sum(minutes_between(t.reported_on, t.closed_on) where id = 1)")).isEqualTo(14400.0);
    }

    @Test
    void postgresMinutesCastDatesToTimestamps() {
        assertThat(FormulaSql.rowValue(argument("sum(minutes_between(t.a, t.b))"), Dialect.POSTGRES).sql())
                .contains("CAST(\"b\" AS TIMESTAMP) - CAST(\"a\" AS TIMESTAMP)");
    }

    @Test
    void formulaOverAggregatesComputedInSql() throws SQLException {
        Formula f = Formula.parse("100 * count(t where incident_type = 'malicious_act') / count(t)"
                + " + avg(days_between(t.reported_on, t.closed_on) where surgery = true)");

        assertThat(Evaluator.evaluate(f.root(), this::aggregate)).isCloseTo(100.0 * 2 / 5 + (10 + 1) / 2.0, within(1e-9));
    }

    @Test
    void rejectsFieldNotInRecordType() {
        assertThatThrownBy(() -> sql("colour = 'red'")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour' is not a field of t");
    }

    @Test
    void rejectsLiteralThatDoesNotFitTheField() {
        assertThatThrownBy(() -> sql("incident_date = '2024-02-30'")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2024-02-30' does not fit incident_date");
    }

    private int count(String condition) throws SQLException {
        SqlFragment where = sql(condition);
        return query("SELECT COUNT(*) FROM \"rec_t\" WHERE " + where.sql(), where.parameters()).intValue();
    }

    private Double sum(String formula) throws SQLException {
        Aggregate a = (Aggregate) Formula.parse(formula).root();
        return aggregate(a);
    }

    /** A minimal engine: the SQL aggregate for count, sum and avg. */
    private Double aggregate(Aggregate a) {
        List<Object> parameters = new ArrayList<>();
        String value = "*";
        if (a.argument() != null) {
            SqlFragment row = FormulaSql.rowValue(a.argument(), Dialect.H2);
            value = row.sql();
            parameters.addAll(row.parameters());
        }
        String sql = "SELECT " + a.function().name() + "(" + value + ") FROM \"rec_t\"";
        if (a.where() != null) {
            SqlFragment where = FormulaSql.condition(a.where(), T, Dialect.H2);
            sql += " WHERE " + where.sql();
            parameters.addAll(where.parameters());
        }
        try {
            Number n = query(sql, parameters);
            return n == null ? null : n.doubleValue();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private Number query(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (Number) rs.getObject(1);
            }
        }
    }

    private static SqlFragment sql(String condition) {
        Aggregate a = (Aggregate) Formula.parse("count(t where " + condition + ")").root();
        return FormulaSql.condition(a.where(), T, Dialect.H2);
    }

    private static RowExpr argument(String formula) {
        return ((Aggregate) Formula.parse(formula).root()).argument();
    }

    private static Field field(String name, FieldType type) {
        return new Field(name, type, false, null, null, null, null, Confidentiality.PUBLIC, "");
    }
}
