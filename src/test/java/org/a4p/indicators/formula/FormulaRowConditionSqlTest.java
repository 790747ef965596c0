package org.a4p.indicators.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.a4p.db.Database;
import org.a4p.db.Dialect;
import org.a4p.pack.Confidentiality;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conditions that compare a record's own values, compiled by {@link FormulaSql} and run on H2 and
 * on PostgreSQL against small hand-made tables; every expected count is worked out by hand in the
 * comment above its table. A record whose comparison has a missing side is never counted.
 * Counting is done as the engine does it: {@code SUM(CASE WHEN condition THEN 1 ELSE 0 END)}.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormulaRowConditionSqlTest {
    /** FieldType.TIMESTAMP where it exists (looked up by name, so this compiles without it), else null. */
    private static final FieldType TIMESTAMP = Arrays.stream(FieldType.values())
            .filter(t -> t.name().equals("TIMESTAMP")).findFirst().orElse(null);

    /*
     * political_milestone                     achieved_on <= due_on
     * id  achieved_on  due_on
     * 1   2024-03-01   2024-03-31              yes
     * 2   2024-04-01   2024-03-31              no (late)
     * 3   2024-03-31   2024-03-31              yes (on the day)
     * 4   NULL         2024-05-01              unknown: not counted
     * 5   2024-02-01   NULL                    unknown: not counted
     *
     * sofa_violation                          days_between(occurred_on, raised_on)
     * id  occurred_on  raised_on
     * 1   2024-01-01   2024-01-08              7
     * 2   2024-01-01   2024-01-09              8
     * 3   2024-01-10   2024-01-10              0
     * 4   2024-01-10   NULL                    NULL
     * 5   NULL         2024-01-02              NULL
     * 6   2024-01-05   2024-01-03              -2 (raised before it occurred)
     *
     * casevac (TIMESTAMP columns)             minutes_between(injured_at, first_aid_at)
     * id  injured_at        first_aid_at
     * 1   2024-05-01 10:00  2024-05-01 10:10   10
     * 2   2024-05-01 10:00  2024-05-01 10:11   11
     * 3   2024-05-01 23:55  2024-05-02 00:04   9, across midnight (1 calendar day)
     * 4   2024-05-01 10:00  NULL               NULL
     * 5   NULL              2024-05-01 10:05   NULL
     * 6   2024-05-01 08:00  2024-05-01 09:00   60
     *
     * allegation                              days_between(reported_on, investigation_closed_on)
     * id  reported_on  investigation_closed_on
     * 1   2024-01-01   2024-03-31              90
     * 2   2024-01-01   2024-04-01              91
     * 3   2024-02-01   NULL                    NULL (still open)
     * 4   2024-02-01   2024-02-01              0
     * 5   NULL         2024-02-01              NULL
     *
     * engagement                              women_participants * 2 >= participants
     * id  women_participants  participants
     * 1   5                   10               10 >= 10 yes
     * 2   4                   10               8 >= 10 no
     * 3   0                   0                0 >= 0 yes
     * 4   NULL                12               unknown
     * 5   6                   NULL             unknown
     * 6   7                   10               14 >= 10 yes
     *
     * fatality (incident_type and reported_type share a code list)
     * id  incident_type  reported_type
     * 1   malicious_act  malicious_act
     * 2   malicious_act  accident
     * 3   accident       accident
     * 4   NULL           accident
     * 5   malicious_act  NULL
     * 6   illness        illness
     */
    private static final Map<String, RecordType> TYPES = Map.of(
            "political_milestone", type("political_milestone", date("achieved_on"), date("due_on")),
            "sofa_violation", type("sofa_violation", date("occurred_on"), date("raised_on")),
            "casevac", type("casevac", timestamp("injured_at"), timestamp("first_aid_at")),
            "allegation", type("allegation", date("reported_on"), date("investigation_closed_on")),
            "engagement", type("engagement", field("women_participants", FieldType.INTEGER, null),
                    field("participants", FieldType.INTEGER, null)),
            "fatality", type("fatality", field("incident_type", FieldType.CODE, "incident_type"),
                    field("reported_type", FieldType.CODE, "incident_type")));

    @Parameter
    String url;

    private Database database;
    private Dialect dialect;

    @BeforeParameterizedClassInvocation
    void createTables() throws SQLException {
        database = Database.open(url);
        dialect = database.dialect();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE political_milestone (id INTEGER, achieved_on DATE, due_on DATE)");
            s.execute("INSERT INTO political_milestone VALUES (1, DATE '2024-03-01', DATE '2024-03-31'),"
                    + " (2, DATE '2024-04-01', DATE '2024-03-31'), (3, DATE '2024-03-31', DATE '2024-03-31'),"
                    + " (4, NULL, DATE '2024-05-01'), (5, DATE '2024-02-01', NULL)");
            s.execute("CREATE TABLE sofa_violation (id INTEGER, occurred_on DATE, raised_on DATE)");
            s.execute("INSERT INTO sofa_violation VALUES (1, DATE '2024-01-01', DATE '2024-01-08'),"
                    + " (2, DATE '2024-01-01', DATE '2024-01-09'), (3, DATE '2024-01-10', DATE '2024-01-10'),"
                    + " (4, DATE '2024-01-10', NULL), (5, NULL, DATE '2024-01-02'), (6, DATE '2024-01-05', DATE '2024-01-03')");
            s.execute("CREATE TABLE casevac (id INTEGER, injured_at TIMESTAMP, first_aid_at TIMESTAMP)");
            s.execute("INSERT INTO casevac VALUES (1, TIMESTAMP '2024-05-01 10:00:00', TIMESTAMP '2024-05-01 10:10:00'),"
                    + " (2, TIMESTAMP '2024-05-01 10:00:00', TIMESTAMP '2024-05-01 10:11:00'),"
                    + " (3, TIMESTAMP '2024-05-01 23:55:00', TIMESTAMP '2024-05-02 00:04:00'),"
                    + " (4, TIMESTAMP '2024-05-01 10:00:00', NULL), (5, NULL, TIMESTAMP '2024-05-01 10:05:00'),"
                    + " (6, TIMESTAMP '2024-05-01 08:00:00', TIMESTAMP '2024-05-01 09:00:00')");
            s.execute("CREATE TABLE allegation (id INTEGER, reported_on DATE, investigation_closed_on DATE)");
            s.execute("INSERT INTO allegation VALUES (1, DATE '2024-01-01', DATE '2024-03-31'),"
                    + " (2, DATE '2024-01-01', DATE '2024-04-01'), (3, DATE '2024-02-01', NULL),"
                    + " (4, DATE '2024-02-01', DATE '2024-02-01'), (5, NULL, DATE '2024-02-01')");
            s.execute("CREATE TABLE engagement (id INTEGER, women_participants BIGINT, participants BIGINT)");
            s.execute("INSERT INTO engagement VALUES (1, 5, 10), (2, 4, 10), (3, 0, 0), (4, NULL, 12), (5, 6, NULL), (6, 7, 10)");
            s.execute("CREATE TABLE fatality (id INTEGER, incident_type VARCHAR(40), reported_type VARCHAR(40))");
            s.execute("INSERT INTO fatality VALUES (1, 'malicious_act', 'malicious_act'), (2, 'malicious_act', 'accident'),"
                    + " (3, 'accident', 'accident'), (4, NULL, 'accident'), (5, 'malicious_act', NULL), (6, 'illness', 'illness')");
        }
    }

    @AfterParameterizedClassInvocation
    void close() {
        database.close();
    }

    @Test
    void comparesTwoDateFieldsLeavingOutRecordsMissingEither() throws SQLException {
        assertThat(sql("count(political_milestone where achieved_on <= due_on)").sql())
                .isEqualTo("\"achieved_on\" <= \"due_on\"");
        assertThat(count("count(political_milestone where achieved_on <= due_on)")).isEqualTo(2); // 1, 3
        assertThat(count("count(political_milestone where achieved_on > due_on)")).isEqualTo(1); // 2
        assertThat(count("count(political_milestone where achieved_on != due_on)")).isEqualTo(2); // 1, 2
        assertThat(count("count(political_milestone where not (achieved_on <= due_on))")).isEqualTo(1); // 2
        assertThat(count("count(political_milestone where achieved_on <= due_on or achieved_on is null)")).isEqualTo(3);
    }

    @Test
    void comparesDaysBetweenOfBareFieldsWithANumber() throws SQLException {
        assertThat(sql("count(sofa_violation where days_between(occurred_on, raised_on) <= 7)").parameters())
                .containsExactly(7.0);
        assertThat(count("count(sofa_violation where days_between(occurred_on, raised_on) <= 7)")).isEqualTo(3); // 1, 3, 6
        assertThat(count("count(sofa_violation where days_between(occurred_on, raised_on) > 7)")).isEqualTo(1); // 2
        assertThat(count("count(sofa_violation where days_between(occurred_on, raised_on) <= 7"
                + " and days_between(occurred_on, raised_on) >= 0)")).isEqualTo(2); // 1, 3
        assertThat(count("count(sofa_violation where days_between(occurred_on, raised_on) = -2)")).isEqualTo(1); // 6
        assertThat(count("count(sofa_violation where 7 < days_between(sofa_violation.occurred_on, raised_on))")).isEqualTo(1);
    }

    @Test
    void nullTestOfARowExpressionFindsRecordsMissingAnyField() throws SQLException {
        assertThat(count("count(sofa_violation where days_between(occurred_on, raised_on) is null)")).isEqualTo(2); // 4, 5
        assertThat(count("count(sofa_violation where days_between(occurred_on, raised_on) is not null)")).isEqualTo(4);
        assertThat(count("count(engagement where women_participants / participants is null)")).isEqualTo(3); // 3 (0 / 0), 4, 5
    }

    @Test
    void comparesMinutesBetweenTimestamps() throws SQLException {
        assertThat(count("count(casevac where minutes_between(injured_at, first_aid_at) <= 10)")).isEqualTo(2); // 1, 3
        assertThat(count("count(casevac where hours_between(injured_at, first_aid_at) >= 1)")).isEqualTo(1); // 6
        assertThat(count("count(casevac where hours_between(injured_at, first_aid_at) <= 0.16)")).isEqualTo(1); // 3: 0.15 h
        assertThat(count("count(casevac where first_aid_at > injured_at)")).isEqualTo(4); // 1, 2, 3, 6
    }

    @Test
    void daysBetweenTimestampsCountsCalendarDays() throws SQLException {
        assertThat(count("count(casevac where days_between(injured_at, first_aid_at) = 1)")).isEqualTo(1); // 3, 9 minutes
        assertThat(count("count(casevac where days_between(injured_at, first_aid_at) = 0)")).isEqualTo(3); // 1, 2, 6
    }

    @Test
    void comparesTimestampFieldsWithDateAndTimeLiterals() throws SQLException {
        assumeTrue(TIMESTAMP != null, "FieldType.TIMESTAMP does not exist yet");
        assertThat(sql("count(casevac where injured_at >= '2024-05-01T10:00')").parameters())
                .containsExactly(LocalDateTime.of(2024, 5, 1, 10, 0));
        assertThat(count("count(casevac where injured_at >= '2024-05-01T10:00')")).isEqualTo(4); // 1, 2, 3, 4
        assertThat(count("count(casevac where injured_at >= '2024-05-01')")).isEqualTo(5); // all but 5
        assertThat(count("count(casevac where first_aid_at in ('2024-05-01 10:10', '2024-05-02T00:04'))")).isEqualTo(2);
    }

    @Test
    void comparesDaysBetweenWithNinetyDays() throws SQLException {
        String within90 = "count(allegation where days_between(reported_on, investigation_closed_on) <= 90)";
        assertThat(count(within90)).isEqualTo(2); // 1, 4
        assertThat(count("count(allegation where days_between(reported_on, investigation_closed_on) <= 90"
                + " or investigation_closed_on is null)")).isEqualTo(3); // 1, 3, 4
        assertThat(aggregate("avg(days_between(allegation.reported_on, allegation.investigation_closed_on)"
                + " where days_between(reported_on, investigation_closed_on) <= 90)")).isEqualTo(45.0); // (90 + 0) / 2
    }

    @Test
    void comparesArithmeticWithAField() throws SQLException {
        assertThat(count("count(engagement where women_participants * 2 >= participants)")).isEqualTo(3); // 1, 3, 6
        assertThat(count("count(engagement where women_participants / participants >= 0.5)")).isEqualTo(2); // 1, 6; 0 / 0 is missing
        assertThat(count("count(engagement where participants - women_participants > women_participants)")).isEqualTo(1); // 2
        assertThat(count("count(engagement where women_participants >= participants / 2)")).isEqualTo(3); // 1, 3, 6
    }

    @Test
    void bindsParametersLeftToRight() throws SQLException {
        SqlFragment fragment = sql("count(engagement where participants - 1 >= women_participants * 2)");
        assertThat(fragment.parameters()).containsExactly(1.0, 2.0);
        // only row 2 (9 >= 8); bound the other way round (participants - 2 >= women * 1) it would be 1, 2 and 6
        assertThat(count("count(engagement where participants - 1 >= women_participants * 2)")).isEqualTo(1);
        assertThat(sql("count(sofa_violation where days_between(occurred_on, raised_on) - 1 < 7 and occurred_on >= '2024-01-05')")
                .parameters()).containsExactly(1.0, 7.0, java.time.LocalDate.of(2024, 1, 5));
    }

    @Test
    void comparesACodeWithALiteralAsBefore() throws SQLException {
        assertThat(count("count(fatality where incident_type = 'malicious_act')")).isEqualTo(3); // 1, 2, 5
        assertThat(count("count(fatality where incident_type != 'malicious_act')")).isEqualTo(2); // 3, 6
    }

    @Test
    void comparesTwoCodeFields() throws SQLException {
        assertThat(count("count(fatality where incident_type = reported_type)")).isEqualTo(3); // 1, 3, 6
        assertThat(count("count(fatality where incident_type != reported_type)")).isEqualTo(1); // 2
    }

    @Test
    void rejectsUnknownFieldInARowExpression() {
        assertThatThrownBy(() -> sql("count(engagement where women * 2 >= participants)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'women' is not a field of engagement");
    }

    private SqlFragment sql(String formula) {
        Aggregate a = (Aggregate) Formula.parse(formula).root();
        return FormulaSql.condition(a.where(), TYPES.get(a.recordType()), dialect);
    }

    /** The count of a {@code count(type where ...)} formula, summed as the engine does. */
    private long count(String formula) throws SQLException {
        Aggregate a = (Aggregate) Formula.parse(formula).root();
        assertThat(FormulaChecker.check(new Formula(a), TYPES, Map.of("incident_type",
                new org.a4p.pack.CodeList("incident_type", "incident_type",
                        Map.of("malicious_act", "m", "accident", "a", "illness", "i"))))).as(formula).isEmpty();
        SqlFragment where = FormulaSql.condition(a.where(), TYPES.get(a.recordType()), dialect);
        Number n = query("SELECT SUM(CASE WHEN " + where.sql() + " THEN 1 ELSE 0 END) FROM " + a.recordType(), where.parameters());
        return n.longValue();
    }

    /** sum, avg, min or max of a formula's one aggregate. */
    private Double aggregate(String formula) throws SQLException {
        Aggregate a = (Aggregate) Formula.parse(formula).root();
        SqlFragment value = FormulaSql.rowValue(a.argument(), dialect);
        SqlFragment where = FormulaSql.condition(a.where(), TYPES.get(a.recordType()), dialect);
        List<Object> parameters = new ArrayList<>(value.parameters());
        parameters.addAll(where.parameters());
        Number n = query("SELECT " + a.function().name() + "(" + value.sql() + ") FROM " + a.recordType() + " WHERE " + where.sql(),
                parameters);
        return n == null ? null : n.doubleValue();
    }

    private Number query(String sql, List<Object> parameters) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return (Number) rs.getObject(1);
            }
        }
    }

    private static RecordType type(String id, Field... fields) {
        List<Field> all = new ArrayList<>();
        all.add(field("id", FieldType.INTEGER, null));
        all.addAll(List.of(fields));
        return new RecordType(id, id, "", fields[0].name(), "mission", null, List.of("id"), all);
    }

    private static Field date(String name) {
        return field(name, FieldType.DATE, null);
    }

    /** A TIMESTAMP field, or before that type exists a DATE field (the columns are TIMESTAMP either way). */
    private static Field timestamp(String name) {
        return field(name, TIMESTAMP == null ? FieldType.DATE : TIMESTAMP, null);
    }

    private static Field field(String name, FieldType type, String codeList) {
        return new Field(name, type, false, codeList, null, null, null, Confidentiality.PUBLIC, "");
    }
}
