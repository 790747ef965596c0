package org.a4p.indicators.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.pack.CodeList;
import org.a4p.pack.Confidentiality;
import org.a4p.pack.Field;
import org.a4p.pack.FieldType;
import org.a4p.pack.RecordType;
import org.junit.jupiter.api.Test;

class FormulaCheckerTest {
    private static final Map<String, RecordType> TYPES = Map.of(
            "fatality", type("fatality",
                    field("casualty_id", FieldType.TEXT, null),
                    field("incident_date", FieldType.DATE, null),
                    field("incident_type", FieldType.CODE, "incident_type"),
                    field("age", FieldType.INTEGER, null),
                    field("mission", FieldType.MISSION, null)),
            "casevac", type("casevac",
                    field("requested_on", FieldType.DATE, null),
                    field("evacuated_on", FieldType.DATE, null),
                    field("priority", FieldType.CODE, "casevac_priority"),
                    field("minutes", FieldType.DECIMAL, null),
                    field("notes", FieldType.TEXT, null),
                    field("surgery", FieldType.BOOLEAN, null),
                    field("unit", FieldType.CODE, "unit_kind")));
    private static final Map<String, CodeList> CODE_LISTS = Map.of(
            "incident_type", codes("incident_type", "malicious_act", "accident", "illness"),
            "casevac_priority", codes("casevac_priority", "urgent", "priority", "routine"));
    /** FieldType.TIMESTAMP where it exists (looked up by name, so this compiles without it), else null. */
    private static final FieldType TIMESTAMP = Arrays.stream(FieldType.values())
            .filter(t -> t.name().equals("TIMESTAMP")).findFirst().orElse(null);
    /** For the comparisons of row expressions; a separate map so the lists in the messages above stay as they are. */
    private static final Map<String, RecordType> ROW_TYPES = Map.of(
            "task", type("task",
                    field("opened_on", FieldType.DATE, null),
                    field("closed_on", FieldType.DATE, null),
                    field("due_on", FieldType.DATE, null),
                    field("started_at", TIMESTAMP == null ? FieldType.DATE : TIMESTAMP, null),
                    field("finished_at", TIMESTAMP == null ? FieldType.DATE : TIMESTAMP, null),
                    field("women", FieldType.INTEGER, null),
                    field("people", FieldType.INTEGER, null),
                    field("hours", FieldType.DECIMAL, null),
                    field("status", FieldType.CODE, "casevac_priority"),
                    field("first_status", FieldType.CODE, "casevac_priority"),
                    field("kind", FieldType.CODE, "incident_type"),
                    field("notes", FieldType.TEXT, null),
                    field("remarks", FieldType.TEXT, null),
                    field("urgent", FieldType.BOOLEAN, null),
                    field("mission", FieldType.MISSION, null)));

    @Test
    void acceptsSoundFormula() {
        assertThat(problems("100 * count(fatality where incident_type in ('malicious_act', 'accident') and age >= 18"
                + " and incident_date < '2025-01-01' and mission = 'MINUSCA' and casualty_id is not null) / count(fatality)"
                + " + avg(casevac.minutes / 60 where surgery = true and priority != 'routine')"
                + " + median(days_between(casevac.requested_on, casevac.evacuated_on))"
                + " + max(minutes_between(casevac.requested_on, casevac.evacuated_on))"))
                .isEmpty();
    }

    @Test
    void reportsUnknownRecordType() {
        assertThat(problems("count(fatalities)")).containsExactly(
                "count(fatalities): unknown record type 'fatalities'; record types: casevac, fatality");
    }

    @Test
    void reportsUnknownFieldInCondition() {
        assertThat(problems("count(fatality where incident_typ = 'malicious_act')")).containsExactly(
                "count(fatality where incident_typ = 'malicious_act'): 'incident_typ' is not a field of fatality;"
                        + " fields: casualty_id, incident_date, incident_type, age, mission");
    }

    @Test
    void reportsUnknownFieldInArgumentOnce() {
        assertThat(problems("sum(casevac.minute + casevac.minute)")).containsExactly(
                "sum(casevac.minute + casevac.minute): 'minute' is not a field of casevac;"
                        + " fields: requested_on, evacuated_on, priority, minutes, notes, surgery, unit");
    }

    @Test
    void reportsCodeNotInCodeList() {
        assertThat(problems("count(fatality where incident_type = 'malicious')")).containsExactly(
                "count(fatality where incident_type = 'malicious'): 'malicious' is not a code of incident_type;"
                        + " codes: malicious_act, accident, illness");
    }

    @Test
    void reportsCodeNotInCodeListInsideInAndNamesTheList() {
        assertThat(problems("count(casevac where priority not in ('urgent', 'emergency'))")).containsExactly(
                "count(casevac where priority not in ('urgent', 'emergency')): 'emergency' is not a code of priority"
                        + " (code list casevac_priority); codes: urgent, priority, routine");
    }

    @Test
    void reportsUndefinedCodeList() {
        assertThat(problems("count(casevac where unit = 'air')")).containsExactly(
                "count(casevac where unit = 'air'): unit uses code list 'unit_kind', which is not defined");
    }

    @Test
    void reportsOrderingComparisonOnCodeField() {
        assertThat(problems("count(casevac where priority < 'routine')")).containsExactly(
                "count(casevac where priority < 'routine'): '<' compares order, but priority is a code field; use =, != or in");
    }

    @Test
    void reportsOrderingComparisonOnTextField() {
        assertThat(problems("count(casevac where notes >= 'a')")).singleElement().asString()
                .endsWith("'>=' compares order, but notes is a text field; use =, != or in");
    }

    @Test
    void reportsNumberComparedWithCodeField() {
        assertThat(problems("count(fatality where incident_type = 1)")).singleElement().asString()
                .endsWith("incident_type is a code field and cannot be compared with the number 1");
    }

    @Test
    void reportsNumberComparedWithDateField() {
        assertThat(problems("count(fatality where incident_date > 2024)")).singleElement().asString()
                .endsWith("incident_date is a date field and cannot be compared with the number 2024");
    }

    @Test
    void reportsNumberComparedWithTextField() {
        assertThat(problems("count(fatality where casualty_id in ('A-1', 7))")).singleElement().asString()
                .endsWith("casualty_id is a text field and cannot be compared with the number 7");
    }

    @Test
    void reportsTextComparedWithNumberField() {
        assertThat(problems("count(fatality where age = '18')")).singleElement().asString()
                .endsWith("age is an integer field and cannot be compared with the text '18'");
    }

    @Test
    void reportsTextComparedWithBooleanField() {
        assertThat(problems("count(casevac where surgery = 'yes')")).singleElement().asString()
                .endsWith("surgery is a boolean field and cannot be compared with the text 'yes'");
    }

    @Test
    void reportsDateThatDoesNotParse() {
        assertThat(problems("count(fatality where incident_date >= '2024-13-01')")).containsExactly(
                "count(fatality where incident_date >= '2024-13-01'): '2024-13-01' is not a date like 2024-12-31"
                        + " (incident_date is a date field)");
    }

    @Test
    void reportsAggregateOverNonNumericField() {
        assertThat(problems("avg(casevac.minutes + casevac.notes)")).containsExactly(
                "avg(casevac.minutes + casevac.notes): avg needs numbers (integer or decimal fields,"
                        + " or days_between/hours_between/minutes_between), but notes is a text field");
    }

    @Test
    void reportsDaysBetweenOnNonDateField() {
        assertThat(problems("median(days_between(casevac.requested_on, casevac.notes))")).containsExactly(
                "median(days_between(casevac.requested_on, casevac.notes)): days_between needs date fields,"
                        + " but notes is a text field");
    }

    @Test
    void reportsMinutesBetweenOnNonDateField() {
        assertThat(problems("avg(minutes_between(casevac.minutes, casevac.evacuated_on))")).singleElement().asString()
                .endsWith("minutes_between needs date fields, but minutes is a decimal field");
    }

    @Test
    void namesEachAggregateWithItsOwnProblems() {
        assertThat(problems("count(fatality where age = 'x') / count(casevac where priority = 'x')")).containsExactly(
                "count(fatality where age = 'x'): age is an integer field and cannot be compared with the text 'x'",
                "count(casevac where priority = 'x'): 'x' is not a code of priority (code list casevac_priority);"
                        + " codes: urgent, priority, routine");
    }

    @Test
    void acceptsSoundComparisonsOfRowExpressions() {
        assertThat(taskProblems("count(task where opened_on <= due_on)"
                + " + count(task where days_between(opened_on, closed_on) <= 7 and 7 >= days_between(task.opened_on, due_on))"
                + " + count(task where minutes_between(started_at, finished_at) <= 10 and hours_between(opened_on, finished_at) > 1.5)"
                + " + count(task where women * 2 >= people and hours / (people - women) < 0.5 and women != people)"
                + " + count(task where status = first_status and notes != remarks and urgent = urgent and mission = mission)"
                + " + count(task where opened_on < started_at and finished_at >= closed_on)"
                + " + count(task where days_between(opened_on, closed_on) is null or women - people is not null)"
                + " + avg(task.hours where hours > women + 1)"))
                .isEmpty();
    }

    @Test
    void reportsUnknownFieldOnEitherSideOnlyOnce() {
        assertThat(taskProblems("count(task where opened_on <= due_date)")).containsExactly(
                "count(task where opened_on <= due_date): 'due_date' is not a field of task; fields: opened_on, closed_on,"
                        + " due_on, started_at, finished_at, women, people, hours, status, first_status, kind, notes, remarks,"
                        + " urgent, mission");
        assertThat(taskProblems("count(task where days_between(opend_on, closed_on) <= womn * 2)")).hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("is not a field of task"));
        assertThat(taskProblems("count(task where days_between(opened_on, closd_on) is null)")).singleElement().asString()
                .contains("'closd_on' is not a field of task");
    }

    @Test
    void reportsCodeFieldComparedWithANumber() {
        assertThat(taskProblems("count(task where status = women * 2)")).containsExactly(
                "count(task where status = women * 2): status is a code field and cannot be compared with women * 2, a number");
        assertThat(taskProblems("count(task where 1 = status)")).singleElement().asString()
                .endsWith("status is a code field and cannot be compared with the number 1");
        assertThat(taskProblems("count(task where status != people)")).singleElement().asString()
                .endsWith("status is a code field and cannot be compared with people, an integer field");
    }

    @Test
    void reportsCodeOrTextFieldComparedWithADate() {
        assertThat(taskProblems("count(task where kind = due_on)")).singleElement().asString()
                .endsWith("kind is a code field and cannot be compared with due_on, a date field");
        assertThat(taskProblems("count(task where notes = due_on)")).singleElement().asString()
                .endsWith("notes is a text field and cannot be compared with due_on, a date field");
    }

    @Test
    void reportsDateComparedWithANumberNamingTheField() {
        assertThat(taskProblems("count(task where due_on > days_between(opened_on, closed_on))")).singleElement().asString()
                .endsWith("due_on is a date field and cannot be compared with days_between(opened_on, closed_on), a number");
        assertThat(taskProblems("count(task where days_between(opened_on, closed_on) <= due_on)")).singleElement().asString()
                .endsWith("due_on is a date field and cannot be compared with days_between(opened_on, closed_on), a number");
        assertThat(taskProblems("count(task where women < opened_on)")).singleElement().asString()
                .endsWith("women is an integer field and cannot be compared with opened_on, a date field");
    }

    @Test
    void reportsOtherTypeMismatchesBetweenFields() {
        assertThat(taskProblems("count(task where urgent = women)")).singleElement().asString()
                .endsWith("urgent is a boolean field and cannot be compared with women, an integer field");
        assertThat(taskProblems("count(task where kind = notes)")).singleElement().asString()
                .endsWith("kind is a code field and cannot be compared with notes, a text field");
        assertThat(taskProblems("count(task where mission = notes)")).singleElement().asString()
                .endsWith("mission is a mission field and cannot be compared with notes, a text field");
    }

    @Test
    void reportsOrderingComparisonOfCodeTextOrBooleanFields() {
        assertThat(taskProblems("count(task where status < first_status)")).containsExactly(
                "count(task where status < first_status): '<' compares order, but status is a code field; use = or !=");
        assertThat(taskProblems("count(task where notes >= remarks)")).singleElement().asString()
                .endsWith("'>=' compares order, but notes is a text field; use = or !=");
        assertThat(taskProblems("count(task where urgent > urgent)")).singleElement().asString()
                .endsWith("'>' compares order, but urgent is a boolean field; use = or !=");
    }

    @Test
    void reportsCodeFieldsOfDifferentCodeLists() {
        assertThat(taskProblems("count(task where status = kind)")).containsExactly(
                "count(task where status = kind): status and kind cannot be compared: they use different code lists"
                        + " (casevac_priority and incident_type)");
    }

    @Test
    void reportsArithmeticOnNonNumbersInConditions() {
        assertThat(taskProblems("count(task where notes * 2 > women)")).containsExactly(
                "count(task where notes * 2 > women): '*' needs numbers (integer or decimal fields,"
                        + " or days_between/hours_between/minutes_between), but notes is a text field");
        assertThat(taskProblems("count(task where women + due_on is null)")).singleElement().asString()
                .endsWith("'+' needs numbers (integer or decimal fields, or days_between/hours_between/minutes_between),"
                        + " but due_on is a date field");
    }

    @Test
    void reportsBetweenOfNonTemporalFieldsInConditions() {
        assertThat(taskProblems("count(task where days_between(opened_on, notes) <= 7)")).containsExactly(
                "count(task where days_between(opened_on, notes) <= 7): days_between needs date fields, but notes is a text field");
        assertThat(taskProblems("count(task where hours_between(women, finished_at) <= 7)")).singleElement().asString()
                .endsWith("hours_between needs date fields, but women is an integer field");
    }

    @Test
    void betweenFunctionsTakeTimestampFields() {
        assumeTrue(TIMESTAMP != null, "FieldType.TIMESTAMP does not exist yet");
        assertThat(taskProblems("avg(minutes_between(task.started_at, task.finished_at)) + sum(hours_between(task.opened_on,"
                + " task.started_at)) + median(days_between(task.started_at, task.finished_at))")).isEmpty();
    }

    @Test
    void comparesTimestampFieldsWithDateAndTimeLiterals() {
        assumeTrue(TIMESTAMP != null, "FieldType.TIMESTAMP does not exist yet");
        assertThat(taskProblems("count(task where started_at >= '2024-01-01T08:30' and started_at < '2024-02-01'"
                + " and finished_at in ('2024-01-01 08:30', '2024-01-01T09:00:59'))")).isEmpty();
        assertThat(taskProblems("count(task where started_at < '2024-01-01T25:00')")).containsExactly(
                "count(task where started_at < '2024-01-01T25:00'): '2024-01-01T25:00' is not a date and time like"
                        + " 2024-12-31T14:05 or a date like 2024-12-31 (started_at is a timestamp field)");
        assertThat(taskProblems("count(task where started_at = 5)")).singleElement().asString()
                .endsWith("started_at is a timestamp field and cannot be compared with the number 5");
    }

    @Test
    void dateFieldsStillTakeDatesOnly() {
        assertThat(taskProblems("count(task where due_on < '2024-01-01T10:00')")).singleElement().asString()
                .endsWith("'2024-01-01T10:00' is not a date like 2024-12-31 (due_on is a date field)");
    }

    private static List<String> taskProblems(String formula) {
        return FormulaChecker.check(Formula.parse(formula), ROW_TYPES, CODE_LISTS);
    }

    private static List<String> problems(String formula) {
        return FormulaChecker.check(Formula.parse(formula), TYPES, CODE_LISTS);
    }

    private static RecordType type(String id, Field... fields) {
        return new RecordType(id, id, "", fields[0].name(), "mission", null, List.of(fields[0].name()), List.of(fields));
    }

    private static Field field(String name, FieldType type, String codeList) {
        return new Field(name, type, false, codeList, null, null, null, Confidentiality.PUBLIC, "");
    }

    private static CodeList codes(String id, String... codes) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String code : codes) {
            labels.put(code, code);
        }
        return new CodeList(id, id, labels);
    }
}
