package org.a4p.indicators.formula;

import static org.assertj.core.api.Assertions.assertThat;

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
