package org.a4p.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.a4p.pack.Field;
import org.a4p.pack.PackFixture;
import org.a4p.pack.PackProblem;
import org.a4p.pack.RecordType;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code a4p pack check} says of restricted access and of figures that could carry restricted values. */
class RestrictedAccessPackTest {
    private static final String ALLEGATION = "record_types/allegation.yaml";
    private static final String P4 = "indicators/p4_accountability_to_peacekeepers.yaml";

    @TempDir
    Path folder;

    PackFixture pack;

    @BeforeEach
    void copy() {
        pack = PackFixture.copyBundled(folder.resolve("pack"));
    }

    @Test
    void grantsEachRestrictedFieldOfTheBundledPackToItsOfficers() {
        Map<String, Object> grants = new TreeMap<>();
        for (RecordType type : Fixtures.pack().recordTypes().values()) {
            if (type.fields().stream().anyMatch(Field::isRestricted)) {
                grants.put(type.id(), type.restrictedAccess());
            }
        }
        assertThat(grants).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "allegation", List.of("conduct_officer"),
                "casevac", List.of("medical_officer"),
                "civilian_harm", List.of("conduct_officer"),
                "engagement", List.of("mission_officer"),
                "fatality", List.of("medical_officer"),
                "telemedicine_consult", List.of("medical_officer"))));
        assertThat(pack.problems()).isEmpty();
    }

    @Test
    void reportsAnUnknownRoleWithItsLine() {
        String text = pack.replaceOnce(ALLEGATION, "restricted_access: [conduct_officer]", "restricted_access: [conduct_officer, auditor]");

        assertThat(pack.problems()).containsExactly(new PackProblem(ALLEGATION, PackFixture.lineOf(text, "restricted_access:"),
                "restricted_access of 'allegation': unknown role 'auditor'; roles: "
                        + "[admin, analyst, mission_officer, conduct_officer, medical_officer, delegate]"));
    }

    @Test
    void refusesToGrantRecordsToDelegatesAndRoleNamedTwice() {
        pack.replaceOnce(ALLEGATION, "restricted_access: [conduct_officer]", "restricted_access: [conduct_officer, delegate, conduct_officer]");

        assertThat(pack.problems()).extracting(PackProblem::message).containsExactly(
                "restricted_access of 'allegation': role 'delegate' reads published values only, never records",
                "restricted_access of 'allegation' names role 'conduct_officer' twice");
    }

    @Test
    void refusesAGrantOfATypeWithoutRestrictedFields() {
        String file = "record_types/sofa_violation.yaml";
        pack.write(file, pack.read(file) + "  restricted_access: [analyst]\n");

        assertThat(pack.problems()).extracting(PackProblem::message)
                .containsExactly("restricted_access of 'sofa_violation' grants nothing: 'sofa_violation' has no restricted field");
    }

    @Test
    void refusesADisaggregationByARestrictedField() {
        pack.replaceOnce(P4, "disaggregations: [incident_type, personnel_type, gender]", "disaggregations: [incident_type, name]");

        assertThat(pack.problems()).extracting(PackProblem::message).containsExactly(
                "indicator P4.FATALITIES_ALL: disaggregation 'name' is not a public field: its values would label published figures");
    }

    @Test
    void refusesAFormulaThatReadsARestrictedField() {
        pack.replaceOnce(P4, "formula: count(fatality where incident_type = 'malicious_act')", "formula: count(fatality where name = 'X')");

        assertThat(pack.problems()).extracting(PackProblem::message).containsExactly("indicator P4.FATALITIES_MALICIOUS: "
                + "count(fatality where name = 'X'): 'name' is a restricted field of fatality: restricted fields never feed a figure");
    }

    @Test
    void refusesAThresholdThatIsNotAWholeNumberOfRecords() {
        String text = pack.replaceOnce("pack.yaml", "small_cell_threshold: 5", "small_cell_threshold: 2.5");

        assertThat(pack.problems()).containsExactly(new PackProblem("pack.yaml", PackFixture.lineOf(text, "small_cell_threshold:"),
                "small_cell_threshold must be a whole number of records, 1 or more (1 suppresses nothing), got '2.5'"));
    }
}
