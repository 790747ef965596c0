package org.a4p.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.pack.Pack;
import org.a4p.pack.PackFixture;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The year's target from the pack's gender_parity_targets table: set, interpolated, first, last, none. */
class ParityTargetsTest {
    final GenderRanking ranking = new GenderRanking(Fixtures.pack());

    @Test
    void aSetYearIsTakenAsSet() {
        assertThat(ranking.target(2021, "military_contingent")).isEqualTo(new GenderRanking.Target(8.0, RankingFixture.STRATEGY));
        assertThat(ranking.target(2028, "individual_police")).isEqualTo(new GenderRanking.Target(30.0, RankingFixture.STRATEGY));
    }

    @Test
    void anUnsetYearBetweenTwoSetYearsIsInterpolatedLinearly() {
        GenderRanking.Target target = ranking.target(2024, "military_contingent");
        assertThat(target.percent()).isCloseTo(8 + 3.0 / 7 * (15 - 8), within(1e-9));
        assertThat(target.source()).isEqualTo("interpolated between 2021 and 2028");
        assertThat(ranking.target(2027, "staff_officer").percent()).isCloseTo(18 + 6.0 / 7 * (25 - 18), within(1e-9));
    }

    @Test
    void beforeTheFirstSetYearTheFirstAfterTheLastTheLast() {
        assertThat(ranking.target(2018, "military_contingent")).isEqualTo(new GenderRanking.Target(8.0, "first set target (2021)"));
        // Police categories have only 2028 set: earlier years take it.
        assertThat(ranking.target(2020, "formed_police_unit")).isEqualTo(new GenderRanking.Target(20.0, "first set target (2028)"));
        assertThat(ranking.target(2030, "expert_on_mission")).isEqualTo(new GenderRanking.Target(25.0, "last set target (2028)"));
    }

    @Test
    void withoutAnySetTargetColoursShowOnlyWhetherWomenServe(@TempDir Path folder) throws Exception {
        PackFixture copy = PackFixture.copyBundled(folder.resolve("pack"));
        String file = "tables/gender_parity_targets.yaml";
        String edited = copy.read(file).replaceAll("(category: staff_officer), target: [0-9.]+", "$1");
        assertThat(edited).doesNotContain("staff_officer, target");
        copy.write(file, edited);
        Pack pack = PackLoader.load(PackSource.folder(copy.root())).orThrow();
        GenderRanking noTarget = new GenderRanking(pack);
        assertThat(noTarget.target(2020, "staff_officer")).isEqualTo(new GenderRanking.Target(null, GenderRanking.NO_TARGET));

        try (App app = new App(pack, Database.open(Databases.h2Url("no-target"))); Connection c = app.database().dataSource().getConnection()) {
            RankingFixture.load(app, folder);
            assertThat(noTarget.rank(c, YearMonth.of(2020, 12), "PKO", "staff_officer")).containsExactly(
                    new CountryRow("Ghana", "staff_officer", 2, 10, 20.0, null, "no target set", Colour.YELLOW, 1),
                    new CountryRow("Nepal", "staff_officer", 1, 10, 10.0, null, "no target set", Colour.YELLOW, 2),
                    new CountryRow("Egypt", "staff_officer", 0, 5, 0.0, null, "no target set", Colour.RED, 3));
        }
    }

    @Test
    void colourRules() {
        assertThat(GenderRanking.colour(0, 0.0, 0.0)).isEqualTo(Colour.RED);
        assertThat(GenderRanking.colour(1, 8.0, 8.0)).isEqualTo(Colour.GREEN);
        assertThat(GenderRanking.colour(1, 7.99, 8.0)).isEqualTo(Colour.YELLOW);
        assertThat(GenderRanking.colour(1, 100.0, null)).isEqualTo(Colour.YELLOW);
    }
}
