package org.a4p.narrative;

import org.a4p.i18n.Language;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.a4p.pack.Indicator;
import org.junit.jupiter.api.Test;

/** Data sentences in English and French, from the values alone: span, shape, numbers and units as each language writes them. */
class DataSentenceTest {
    /** A narrow no-break space (thousands) and a no-break space (before % and units, and before the French colon). */
    static final String NNBSP = "\u202F";
    static final String NBSP = "\u00A0";

    static Indicator indicator(String name, String nameFr, String unit, Indicator.Direction direction) {
        return new Indicator("P4.TEST", name, nameFr, null, unit, direction, "count(fatality)", "P4", List.of("SAFETY_SECURITY"), "DPO",
                List.of(), true, null, List.of(), null, "test.yaml:1", null);
    }

    static final Indicator FATALITIES = indicator("Fatalities from malicious acts", "Décès dus à des actes de malveillance", "count",
            Indicator.Direction.LOWER);
    static final Indicator WASTEWATER = indicator("Sites at minimum wastewater risk", "Sites présentant un risque minimal en matière d'eaux usées",
            "percent", Indicator.Direction.HIGHER);

    static Map<Integer, Double> series(int firstYear, Double... values) {
        Map<Integer, Double> yearly = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            yearly.put(firstYear + i, values[i]);
        }
        return yearly;
    }

    @Test
    void aSeriesFallingEveryYearIsLowerEveryYear() {
        DataSentence.Draft draft = DataSentence.draft(FATALITIES, series(2017, 59.0, 40.0, 25.0, 13.0), 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Fatalities from malicious acts: from 59 in 2017 to 13 in 2020, lower every year.",
                "Décès dus à des actes de malveillance" + NBSP + ": de 59 en 2017 à 13 en 2020, en baisse chaque année.");
    }

    @Test
    void theWindowIsTheYearAndTheThreeBeforeIt() {
        // 2015 and 2016 are outside the window ending 2020.
        DataSentence.Draft draft = DataSentence.draft(FATALITIES, series(2015, 80.0, 70.0, 59.0, 27.0, 25.0, 13.0), 2020, false);

        assertThat(draft.english()).isEqualTo("Fatalities from malicious acts: from 59 in 2017 to 13 in 2020, lower every year.");
    }

    @Test
    void percentagesAreWrittenAsEachLanguageWritesThem() {
        DataSentence.Draft draft = DataSentence.draft(WASTEWATER, series(2017, 33.0, 45.25, 51.04, 69.0), 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Sites at minimum wastewater risk: from 33% in 2017 to 69% in 2020, higher every year.",
                "Sites présentant un risque minimal en matière d'eaux usées" + NBSP + ": de 33" + NBSP + "% en 2017 à 69" + NBSP
                        + "% en 2020, en hausse chaque année.");
        assertThat(DataSentence.draft(WASTEWATER, series(2019, 4.0, 5.06), 2020, false).french()).endsWith(
                ": de 4" + NBSP + "% en 2019 à 5,1" + NBSP + "% en 2020.");
        assertThat(DataSentence.draft(WASTEWATER, series(2019, 4.0, 5.06), 2020, false).english()).endsWith(": from 4% in 2019 to 5.1% in 2020.");
    }

    @Test
    void thousandsAreGroupedWithACommaInEnglishAndANarrowNoBreakSpaceInFrench() {
        Indicator all = indicator("Fatalities, all causes", "Décès, toutes causes", "count", Indicator.Direction.LOWER);
        DataSentence.Draft draft = DataSentence.draft(all, series(2017, 1234.0, 1100.0, 1200.0, 987.0), 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Fatalities, all causes: from 1,234 in 2017 to 987 in 2020, lower in most years.",
                "Décès, toutes causes" + NBSP + ": de 1" + NNBSP + "234 en 2017 à 987 en 2020, en baisse la plupart des années.");
    }

    @Test
    void aFlatSeriesIsUnchanged() {
        DataSentence.Draft draft = DataSentence.draft(FATALITIES, series(2017, 13.0, 13.0, 13.0, 13.0), 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Fatalities from malicious acts: 13 every year from 2017 to 2020, unchanged.",
                "Décès dus à des actes de malveillance" + NBSP + ": 13 chaque année de 2017 à 2020, sans changement.");
    }

    @Test
    void valuesAreComparedAsTheyAreShown() {
        // 12.04% and 12.01% are both shown 12%: unchanged, not lower.
        assertThat(DataSentence.draft(WASTEWATER, series(2019, 12.04, 12.01), 2020, false).english())
                .isEqualTo("Sites at minimum wastewater risk: 12% every year from 2019 to 2020, unchanged.");
    }

    @Test
    void aMixedSeriesHasNoClearDirection() {
        DataSentence.Draft draft = DataSentence.draft(FATALITIES, series(2017, 20.0, 35.0, 12.0, 20.0), 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Fatalities from malicious acts: from 20 in 2017 to 20 in 2020, with no clear direction.",
                "Décès dus à des actes de malveillance" + NBSP + ": de 20 en 2017 à 20 en 2020, sans tendance nette.");
    }

    @Test
    void mostlyHigherWhenTheNetChangeAndMostStepsGoUp() {
        // Steps: +10, -5, +20; net +25.
        DataSentence.Draft draft = DataSentence.draft(FATALITIES, series(2017, 10.0, 20.0, 15.0, 35.0), 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Fatalities from malicious acts: from 10 in 2017 to 35 in 2020, higher in most years.",
                "Décès dus à des actes de malveillance" + NBSP + ": de 10 en 2017 à 35 en 2020, en hausse la plupart des années.");
    }

    @Test
    void aGapInTheWindowIsSaid() {
        Map<Integer, Double> yearly = series(2017, 59.0, null, 25.0, 13.0);

        DataSentence.Draft draft = DataSentence.draft(FATALITIES, yearly, 2020, false);

        assertThat(List.of(draft.english(), draft.french())).containsExactly(
                "Fatalities from malicious acts: from 59 in 2017 to 13 in 2020, lower in every year with a value.",
                "Décès dus à des actes de malveillance" + NBSP + ": de 59 en 2017 à 13 en 2020, en baisse chaque année renseignée.");
    }

    @Test
    void oneValueOrNoneIsSaidPlainly() {
        assertThat(List.of(DataSentence.draft(FATALITIES, series(2020, 13.0), 2020, false).french(),
                DataSentence.draft(FATALITIES, Map.of(), 2020, false).english())).containsExactly(
                "Décès dus à des actes de malveillance" + NBSP + ": 13 en 2020, seule année renseignée de 2017 à 2020.",
                "Fatalities from malicious acts: no value from 2017 to 2020.");
    }

    @Test
    void unitWordsAgreeWithTheirNumberInEachLanguage() {
        // English: singular for exactly 1; French: singular below 2.
        assertThat(List.of(Language.EN.format(1, "days"), Language.EN.format(1.5, "days"), Language.FR.format(1.5, "days"),
                Language.FR.format(2, "days"), Language.FR.format(1, "hours"), Language.EN.format(12, "minutes"),
                Language.FR.format(12345.678, "days"), Language.EN.format(0.354, "rate")))
                .containsExactly("1 day", "1.5 days", "1,5" + NBSP + "jour", "2" + NBSP + "jours", "1" + NBSP + "heure", "12 minutes",
                        "12" + NNBSP + "345,7" + NBSP + "jours", "0.35");
    }
}
