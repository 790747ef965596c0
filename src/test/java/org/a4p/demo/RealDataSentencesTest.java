package org.a4p.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.a4p.app.App;
import org.a4p.ingest.Progress;
import org.a4p.narrative.DataSentence;
import org.a4p.narrative.DraftSentences;
import org.a4p.progress.BuildScorecard;
import org.a4p.progress.Scorecard;
import org.a4p.progress.Trend;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's claim from the UN's own fatalities file, on H2 and PostgreSQL: malicious-act deaths in
 * peacekeeping operations were 59, 27, 25 and 13 in 2017 to 2020 ("decreased every year over the
 * past three years from 59 in 2017 to 13 in 2020"); the sentence and the trend say so.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataSentencesTest {
    @Parameter
    String url;

    App app;

    @BeforeParameterizedClassInvocation
    void loadDemo() {
        app = Fixtures.app(url);
        new DemoLoader(app).load("test", Progress.NONE, new java.io.PrintWriter(new java.io.StringWriter()), "fatality"::equals);
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    @Test
    void fatalitiesFromMaliciousActsFellEveryYearFrom59In2017To13In2020() {
        DataSentence.Draft draft = new DraftSentences(app.pack(), app.database()).run(new DraftSentences.Request("PKO", 2020))
                .orElseThrow(failure -> new IllegalStateException(failure.message()))
                .drafts().stream().filter(d -> d.indicator().equals("P4.FATALITIES_MALICIOUS")).findFirst().orElseThrow();

        assertThat(List.of(draft.english(), draft.french(), draft.synthetic())).containsExactly(
                "Fatalities from malicious acts: from 59 in 2017 to 13 in 2020, lower every year.",
                "Décès dus à des actes de malveillance\u00A0: de 59 en 2017 à 13 en 2020, en baisse chaque année.",
                false);
    }

    @Test
    void theirTrendSince2017IsImproving() {
        Scorecard card = new BuildScorecard(app.pack(), app.database())
                .run(new BuildScorecard.Request("PKO", 2020, BuildScorecard.View.PRIORITY))
                .orElseThrow(failure -> new IllegalStateException(failure.message()));
        Scorecard.IndicatorRow row = card.priorities().stream().flatMap(p -> p.indicators().stream())
                .filter(r -> r.id().equals("P4.FATALITIES_MALICIOUS")).findFirst().orElseThrow();

        assertThat(Arrays.asList(row.value(), row.trend(), row.baselineYear(), row.baselineValue()))
                .containsExactly(13.0, Trend.IMPROVING, 2017, 59.0);
    }
}
