package org.a4p.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.a4p.pack.RecordType;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;

/** Records built by field name land in their type's field order, and a wrong name or value is refused clearly. */
class RecordValuesTest {
    private static final RecordType STATUS = Fixtures.pack().recordType("reporting_status").orElseThrow();

    private static Map<String, Object> january() {
        Map<String, Object> values = new HashMap<>();
        values.put("mission", "MINUSCA");
        values.put("records", 3L);
        values.put("report_month", LocalDate.of(2020, 1, 31));
        values.put("record_type", "personnel");
        return values;
    }

    @Test
    void placesEachValueAtItsFieldAndLeavesOptionalFieldsEmpty() {
        Object[] row = RecordValues.byName(STATUS, january());

        assertThat(row).hasSize(STATUS.fields().size());
        for (int i = 0; i < row.length; i++) {
            assertThat(row[i]).as(STATUS.fields().get(i).name()).isEqualTo(january().get(STATUS.fields().get(i).name()));
        }
    }

    @Test
    void refusesAFieldTheTypeLacks() {
        Map<String, Object> values = january();
        values.put("record_count", 3L);

        assertThatThrownBy(() -> RecordValues.byName(STATUS, values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("record type 'reporting_status' has no field [record_count]; its fields: [report_month, mission,"
                        + " record_type, records, first_submitted_on, days_after_period]");
    }

    @Test
    void refusesARequiredFieldLeftOut() {
        Map<String, Object> values = january();
        values.remove("records");

        assertThatThrownBy(() -> RecordValues.byName(STATUS, values))
                .hasMessage("record type 'reporting_status': expected a value for the required field 'records', got none");
    }

    @Test
    void refusesAValueOfAnotherTypeThanItsField() {
        Map<String, Object> values = january();
        values.put("records", 3);

        assertThatThrownBy(() -> RecordValues.byName(STATUS, values))
                .hasMessage("record type 'reporting_status', field 'records': expected a Long (integer), got an Integer");
    }
}
