package org.a4p.progress;

import static org.a4p.support.Fixtures.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scorecard row's trend against its baseline year, from the stored yearly values, on H2 and
 * PostgreSQL: MINUSCA has 10 malicious-act deaths in 2017 and 4 in 2020 (the indicator's own
 * baseline year is 2017), and deaths of all causes 20 in 2018 and 21 in 2020 (the pack's 2018);
 * MONUSCO has 3 deaths, all in 2020.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTrendTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    @Parameter
    String url;

    App app;

    @BeforeParameterizedClassInvocation
    void load() throws IOException {
        app = Fixtures.app(url);
        List<String> lines = new ArrayList<>(List.of(HEADER));
        deaths(lines, 2017, "malicious_act", 10);
        deaths(lines, 2018, "illness", 20);
        deaths(lines, 2020, "malicious_act", 4);
        deaths(lines, 2020, "illness", 17);
        lines.add("MONUSCO-2020-illness-00001,2020-05-01,MONUSCO,military,illness,M,IND,");
        lines.add("MONUSCO-2020-illness-00002,2020-05-02,MONUSCO,military,illness,M,IND,");
        lines.add("MONUSCO-2020-illness-00003,2020-05-03,MONUSCO,military,illness,M,IND,");
        Path folder = java.nio.file.Files.createTempDirectory("trend");
        accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "fatalities.csv", lines.toArray(String[]::new))));
    }

    private static void deaths(List<String> lines, int year, String type, int count) {
        for (int i = 1; i <= count; i++) {
            lines.add(String.format("MINUSCA-%d-%s-%05d,%d-03-%02d,MINUSCA,military,%s,M,BGD,", year, type.replace("_", ""), i, year, i, type));
        }
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    private Scorecard.IndicatorRow row(int year, String indicator) {
        return row("MINUSCA", year, indicator);
    }

    private Scorecard.IndicatorRow row(String mission, int year, String indicator) {
        Scorecard card = new BuildScorecard(app.pack(), app.database())
                .run(new BuildScorecard.Request(mission, year, BuildScorecard.View.COMMITMENT_AREA))
                .orElseThrow(failure -> new IllegalStateException(failure.message()));
        return card.priorities().stream().flatMap(area -> area.indicators().stream()).filter(r -> r.id().equals(indicator))
                .findFirst().orElseThrow();
    }

    private static List<Object> trend(Scorecard.IndicatorRow row) {
        return java.util.Arrays.asList(row.value(), row.trend(), row.baselineYear(), row.baselineValue());
    }

    @Test
    void fewerDeathsThanInTheIndicatorsOwnBaselineYearIsImproving() {
        // 10 in 2017 to 4 in 2020: -6, beyond 5% of 10; lower is better.
        assertThat(trend(row(2020, "P4.FATALITIES_MALICIOUS"))).containsExactly(4.0, Trend.IMPROVING, 2017, 10.0);
    }

    @Test
    void aChangeOfFivePercentFromThePacksBaselineYearIsStable() {
        // 20 in 2018 to 21 in 2020: +1, exactly 5% of 20.
        assertThat(trend(row(2020, "P4.FATALITIES_ALL"))).containsExactly(21.0, Trend.STABLE, 2018, 20.0);
    }

    @Test
    void theBaselineYearItselfHasNoBaseline() {
        assertThat(trend(row(2017, "P4.FATALITIES_MALICIOUS"))).containsExactly(10.0, Trend.NO_BASELINE, 2017, null);
        assertThat(trend(row(2018, "P4.FATALITIES_ALL"))).containsExactly(20.0, Trend.NO_BASELINE, 2018, null);
    }

    @Test
    void aBaselineYearWithoutValueGivesNoBaseline() {
        assertThat(trend(row("MONUSCO", 2020, "P4.FATALITIES_ALL"))).containsExactly(3.0, Trend.NO_BASELINE, 2018, null);
    }

    @Test
    void aYearBeforeTheBaselineYearHasNoBaseline() {
        assertThat(trend(row(2017, "P4.FATALITIES_ALL"))).containsExactly(10.0, Trend.NO_BASELINE, 2018, null);
    }

    @Test
    void aYearWithoutValueHasNoDataAndKeepsItsBaseline() {
        // No allegation at all: no value in 2020 nor in 2018.
        assertThat(trend(row(2020, "P5.SEA_ALLEGATIONS"))).containsExactly(null, Trend.NO_DATA, 2018, null);
    }

    @Test
    void theTableShowsTheTrendInWordsWithItsBaseline() {
        org.a4p.support.CliRun run = org.a4p.support.CliRun.of("scorecard", "--db", url, "--mission", "MINUSCA", "--year", "2020");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Fatalities from malicious acts +4 +target +- +no target set +improving since 2017 \\(10\\)");
    }

    @Test
    void theJsonCarriesTheTrendItsBaselineYearAndValue() throws IOException {
        org.a4p.support.CliRun run = org.a4p.support.CliRun.of("scorecard", "--db", url, "--mission", "MINUSCA", "--year", "2020",
                "--format", "json");

        com.fasterxml.jackson.databind.JsonNode card = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        com.fasterxml.jackson.databind.JsonNode fatalities = card.get("priorities").findValues("indicators").stream()
                .flatMap(list -> java.util.stream.StreamSupport.stream(list.spliterator(), false))
                .filter(r -> r.get("id").asText().equals("P4.FATALITIES_MALICIOUS")).findFirst().orElseThrow();
        assertThat(List.of(fatalities.get("trend").asText(), fatalities.get("baseline_year").asInt(), fatalities.get("baseline_value").asDouble()))
                .containsExactly("improving", 2017, 10.0);
    }
}
