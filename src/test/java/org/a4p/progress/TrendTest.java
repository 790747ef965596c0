package org.a4p.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.a4p.pack.Indicator.Direction;
import org.a4p.pack.PackSettings;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;

/** The trend rule: the change from the baseline year's value, within the stable band either way or beyond it, read with the direction. */
class TrendTest {
    static final double BAND = 0.05;

    @Test
    void lowerIsImprovingForAnIndicatorWhereLowerIsBetter() {
        // 59 in 2017 to 13 in 2020: -46, far beyond 5% of 59 (2.95).
        assertThat(Trend.of(Direction.LOWER, 2017, 59.0, 2020, 13.0, BAND)).isEqualTo(Trend.IMPROVING);
        assertThat(Trend.of(Direction.LOWER, 2017, 13.0, 2020, 59.0, BAND)).isEqualTo(Trend.WORSENING);
    }

    @Test
    void higherIsImprovingForAnIndicatorWhereHigherIsBetter() {
        // 33% to 69% of sites at minimum wastewater risk.
        assertThat(Trend.of(Direction.HIGHER, 2017, 33.0, 2020, 69.0, BAND)).isEqualTo(Trend.IMPROVING);
        assertThat(Trend.of(Direction.HIGHER, 2018, 69.0, 2020, 33.0, BAND)).isEqualTo(Trend.WORSENING);
    }

    @Test
    void aChangeWithinTheBandEitherWayIsStableAndItsEdgeIsInside() {
        // 5% of 100 is 5: 95 and 105 are on the edge, stable; 94.9 and 105.1 are beyond it.
        assertThat(List.of(Trend.of(Direction.HIGHER, 2018, 100.0, 2020, 105.0, BAND), Trend.of(Direction.HIGHER, 2018, 100.0, 2020, 95.0, BAND),
                Trend.of(Direction.HIGHER, 2018, 100.0, 2020, 105.1, BAND), Trend.of(Direction.HIGHER, 2018, 100.0, 2020, 94.9, BAND)))
                .containsExactly(Trend.STABLE, Trend.STABLE, Trend.IMPROVING, Trend.WORSENING);
        // 59 to 57 is -2, within 2.95.
        assertThat(Trend.of(Direction.LOWER, 2017, 59.0, 2020, 57.0, BAND)).isEqualTo(Trend.STABLE);
    }

    @Test
    void fromABaselineOfZeroOnlyZeroIsStable() {
        assertThat(List.of(Trend.of(Direction.LOWER, 2018, 0.0, 2020, 0.0, BAND), Trend.of(Direction.LOWER, 2018, 0.0, 2020, 1.0, BAND),
                Trend.of(Direction.HIGHER, 2018, 0.0, 2020, 1.0, BAND)))
                .containsExactly(Trend.STABLE, Trend.WORSENING, Trend.IMPROVING);
    }

    @Test
    void noBaselineWhenTheBaselineYearHasNoValueOrTheYearIsNotAfterIt() {
        assertThat(List.of(Trend.of(Direction.LOWER, 2018, null, 2020, 13.0, BAND), Trend.of(Direction.LOWER, 2018, 27.0, 2018, 27.0, BAND),
                Trend.of(Direction.LOWER, 2018, 27.0, 2017, 59.0, BAND)))
                .containsExactly(Trend.NO_BASELINE, Trend.NO_BASELINE, Trend.NO_BASELINE);
    }

    @Test
    void aYearWithoutValueHasNoData() {
        assertThat(Trend.of(Direction.LOWER, 2018, 27.0, 2020, null, BAND)).isEqualTo(Trend.NO_DATA);
    }

    @Test
    void theBundledPackMeasuresFrom2018WithA5PercentBandAndFatalitiesFrom2017AsTheSeedDoes() {
        PackSettings settings = Fixtures.pack().settings();
        assertThat(List.of(settings.baselineYear(), settings.stableBand())).containsExactly(2018, 0.05);
        assertThat(Fixtures.pack().indicators().stream().filter(i -> i.baselineYear() != null)
                .map(i -> i.id() + " " + i.trendBaselineYear(settings)).toList())
                .containsExactly("P4.FATALITIES_MALICIOUS 2017", "P5.WASTEWATER_MIN_RISK 2017");
    }
}
