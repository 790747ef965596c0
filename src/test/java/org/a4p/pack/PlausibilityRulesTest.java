package org.a4p.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code plausibility:} rules of record types, as the pack states them and as {@code a4p pack check} reports them broken. */
class PlausibilityRulesTest {
    static final String PERSONNEL = "record_types/personnel.yaml";
    static final String FATALITY = "record_types/fatality.yaml";

    @TempDir
    Path dir;

    PackFixture pack;

    @BeforeEach
    void copy() {
        pack = PackFixture.copyBundled(dir);
    }

    @Test
    void theBundledTroopsRuleReadsAsWritten() {
        Plausibility rule = PackLoader.loadBundled().recordType("personnel").orElseThrow().plausibility().get(0);
        assertThat(rule).isEqualTo(new Plausibility("women_share_troops", "share of women among troops far outside the group's own"
                + " recent months", Plausibility.Measure.SHARE, "women", List.of("women", "men"),
                Map.of("category", Set.of("military_contingent")), List.of(List.of("scope"), List.of("mission")), 12, 6, 3, 8));
    }

    private void assertOneProblem(String file, String text, String needle, String... fragments) {
        assertThat(pack.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(PackFixture.lineOf(text, needle));
            assertThat(p.message()).contains(fragments);
        });
    }

    @Test
    void anUnknownKeyIsReportedAtItsLine() {
        String text = pack.replaceOnce(PERSONNEL, "      max_factor: 3\n", "      max_factor: 3\n      min_months: 4\n");
        assertOneProblem(PERSONNEL, text, "min_months: 4", "rule 'women_share_troops' of 'personnel'", "unknown key 'min_months'");
    }

    @Test
    void aMeasureThatIsNoneOfTheThreeIsReported() {
        String text = pack.replaceOnce(PERSONNEL, "measure: share", "measure: ratio");
        assertOneProblem(PERSONNEL, text, "measure: ratio", "measure must be share, count or sum, got 'ratio'");
    }

    @Test
    void aShareWithoutADenominatorIsReported() {
        String text = pack.replaceOnce(PERSONNEL, "      denominator: [women, men]\n", "");
        assertOneProblem(PERSONNEL, text, "- id: women_share_troops", "measure share needs a denominator");
    }

    @Test
    void aLevelNamingNoFieldIsReportedAtTheLevel() {
        String text = pack.replaceOnce(PERSONNEL, "levels: [[scope], [mission]]", "levels: [[scope], [misison]]");
        assertOneProblem(PERSONNEL, text, "levels: [[scope], [misison]]", "level names 'misison', which is neither 'scope' nor a field");
    }

    @Test
    void aFilterCodeOutsideTheCodeListIsReportedWithTheCodes() {
        String text = pack.replaceOnce(PERSONNEL, "category: [military_contingent]", "category: [troops]");
        assertOneProblem(PERSONNEL, text, "category: [troops]", "where.category names 'troops', which is not a code of code list"
                + " 'personnel_category'", "military_contingent");
    }

    @Test
    void aHistoryNeedingMoreMonthsThanItHasIsReported() {
        String text = pack.replaceAfter(FATALITY, "- id: deaths_per_scope_month", "history: {months: 12, min: 6}",
                "history: {months: 6, min: 12}");
        assertOneProblem(FATALITY, text, "history: {months: 6, min: 12}", "rule 'deaths_per_scope_month' of 'fatality' needs a"
                + " history: {months: M, min: N}");
    }

    @Test
    void aCountWithANumeratorIsReported() {
        String text = pack.replaceAfter(FATALITY, "- id: deaths_per_mission_month", "      measure: count\n",
                "      measure: count\n      numerator: casualty_id\n");
        assertThat(pack.problems()).extracting(PackProblem::message).anySatisfy(m -> assertThat(m).contains("measure count takes no numerator"));
        assertThat(pack.problems()).extracting(PackProblem::line).contains(PackFixture.lineOf(text, "numerator: casualty_id"));
    }
}
