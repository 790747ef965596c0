package org.a4p.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneOffset;
import org.a4p.cli.Main;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trend's settings in the pack (baseline_year, stable_band) and an indicator's own baseline_year, checked with file and line. */
class TrendSettingsPackTest {
    static final String P4 = "indicators/p4_accountability_to_peacekeepers.yaml";

    @TempDir
    Path dir;

    PackFixture pack;

    @BeforeEach
    void copy() {
        pack = PackFixture.copyBundled(dir);
    }

    @Test
    void aBaselineYearThatIsNoYearIsRefusedAtItsLine() {
        String text = pack.replaceOnce("pack.yaml", "baseline_year: 2018", "baseline_year: 2018.5");

        assertThat(pack.problems()).containsExactly(new PackProblem("pack.yaml", PackFixture.lineOf(text, "baseline_year: 2018.5"),
                "baseline_year must be a year from 1948 (the first peacekeeping operation) to " + thisYear() + ", got '2018.5'"));
    }

    @Test
    void aBaselineYearBeforePeacekeepingOrInTheFutureIsRefused() {
        String text = pack.replaceOnce("pack.yaml", "baseline_year: 2018", "baseline_year: 1900");
        String future = Integer.toString(thisYear() + 1);
        String indicators = pack.replaceOnce(P4, "baseline_year: 2017", "baseline_year: " + future);

        assertThat(pack.problems()).containsExactly(
                new PackProblem("pack.yaml", PackFixture.lineOf(text, "baseline_year: 1900"),
                        "baseline_year must be a year from 1948 (the first peacekeeping operation) to " + thisYear() + ", got '1900'"),
                new PackProblem(P4, PackFixture.lineOf(indicators, "baseline_year: " + future),
                        "baseline_year must be a year from 1948 (the first peacekeeping operation) to " + thisYear() + ", got '" + future + "'"));
    }

    @Test
    void aStableBandOutsideZeroToOneIsRefused() {
        String text = pack.replaceOnce("pack.yaml", "stable_band: 0.05", "stable_band: 5");

        assertThat(pack.problems()).containsExactly(new PackProblem("pack.yaml", PackFixture.lineOf(text, "stable_band: 5"),
                "stable_band must be a fraction of the baseline value from 0 to below 1 (0.05: a change of at most 5% is stable), got '5'"));
    }

    @Test
    void packCheckNamesTheFileAndLineOfABadIndicatorBaselineYear() {
        String indicators = pack.replaceOnce(P4, "baseline_year: 2017", "baseline_year: last year");

        CliRun run = CliRun.of("pack", "check", dir.toString());

        assertThat(run.code()).isEqualTo(Main.REJECTED);
        assertThat(run.err()).contains(P4 + ":" + PackFixture.lineOf(indicators, "baseline_year: last year")
                + ": baseline_year must be a year from 1948 (the first peacekeeping operation) to " + thisYear() + ", got 'last year'");
    }

    @Test
    void withoutTheSettingsTheBaselineIs2018AndTheBand5Percent() {
        pack.replaceOnce("pack.yaml", "  baseline_year: 2018\n", "");
        pack.replaceOnce("pack.yaml", "  stable_band: 0.05\n", "");

        Pack loaded = PackLoader.load(PackSource.folder(dir)).pack().orElseThrow();

        assertThat(java.util.List.of(loaded.settings().baselineYear(), loaded.settings().stableBand())).containsExactly(2018, 0.05);
    }

    private static int thisYear() {
        return Year.now(ZoneOffset.UTC).getValue();
    }
}
