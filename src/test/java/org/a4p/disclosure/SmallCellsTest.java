package org.a4p.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.a4p.indicators.IndicatorValue;
import org.a4p.pack.Pack;
import org.a4p.pack.PackFixture;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small-cell suppression on hand-built tables (the bundled pack's threshold is 5): which values are
 * suppressed, and why no suppressed one can be recovered by subtraction, worked out beside each case.
 */
class SmallCellsTest {
    private static final String FATALITIES = "P4.FATALITIES_ALL"; // count(fatality): a flow
    private static final String WOMEN = "WPS.WOMEN_UNIFORMED"; // last(personnel...): a stock

    @TempDir
    Path folder;

    /** A count resting on as many records as it counts. */
    private static IndicatorValue count(String orgUnit, String period, String disaggregation, long records) {
        return new IndicatorValue(FATALITIES, orgUnit, period, disaggregation, (double) records, records, false, false);
    }

    private static List<String> suppressed(List<PublicValue> values) {
        return values.stream().filter(PublicValue::suppressed)
                .map(v -> v.orgUnit() + " " + v.period() + (v.disaggregation().isEmpty() ? "" : " " + v.disaggregation())).toList();
    }

    private static List<PublicValue> protect(IndicatorValue... values) {
        return new SmallCells(Fixtures.pack()).protect(List.of(values));
    }

    @Test
    void suppressesAValueOnThreeRecordsAndShowsOnesOnFiveAndOnNone() {
        // Three missions with no scope value: no table, so each value stands alone.
        List<PublicValue> values = protect(count("MINUSCA", "2020", "", 3), count("UNMISS", "2020", "", 5), count("MONUSCO", "2020", "", 0));

        assertThat(values).containsExactly(
                new PublicValue(FATALITIES, "MINUSCA", "2020", "", null, null, false, false, true),
                new PublicValue(FATALITIES, "UNMISS", "2020", "", 5.0, 5L, false, false, false),
                new PublicValue(FATALITIES, "MONUSCO", "2020", "", 0.0, 0L, false, false, false)); // no data, not a small cell
    }

    @Test
    void suppressesTheNextSmallestCellSoThatSubtractionRecoversNone() {
        // Total 20 = 3 + 8 + 9. Hiding the 3 alone gives it away: 20 - 8 - 9 = 3. Hiding the 8 as
        // well leaves 20 - 9 = 11 for the two of them, which any split from 0 + 11 to 11 + 0 fits.
        List<PublicValue> values = protect(count("MINUSCA", "2020", "", 20), count("MINUSCA", "2020", "incident_type=malicious_act", 3),
                count("MINUSCA", "2020", "incident_type=accident", 8), count("MINUSCA", "2020", "incident_type=illness", 9));

        assertThat(suppressed(values)).containsExactlyInAnyOrder("MINUSCA 2020 incident_type=malicious_act", "MINUSCA 2020 incident_type=accident");
    }

    @Test
    void protectsAMissionWithinItsScopeAndTheComplementWithinItsOwnTable() {
        // PKO 30 = MINUSCA 4 + UNMISS 12 + MONUSCO 14: MINUSCA (4) is small, UNMISS (12) the next
        // smallest. Then UNMISS 12 = F 6 + M 6 would give UNMISS away, so F is hidden (the tie of 6
        // and 6 goes to the first code). Left: MINUSCA + UNMISS = 30 - 14 = 16, UNMISS = F + 6.
        List<PublicValue> values = protect(count("PKO", "2020", "", 30), count("MINUSCA", "2020", "", 4), count("UNMISS", "2020", "", 12),
                count("MONUSCO", "2020", "", 14), count("UNMISS", "2020", "gender=F", 6), count("UNMISS", "2020", "gender=M", 6));

        assertThat(suppressed(values)).containsExactlyInAnyOrder("MINUSCA 2020", "UNMISS 2020", "UNMISS 2020 gender=F");
    }

    @Test
    void protectsASiteWithinItsMission() {
        String site = Fixtures.pack().orgUnits().sitesOf("MINUSCA").get(0).code();
        String other = Fixtures.pack().orgUnits().sitesOf("MINUSCA").get(1).code();
        // MINUSCA 15 = site 2 + other site 13 (nothing without a site): the other site is hidden too.
        List<PublicValue> values = protect(count("MINUSCA", "2020", "", 15), count(site, "2020", "", 2), count(other, "2020", "", 13));

        assertThat(suppressed(values)).containsExactlyInAnyOrder(site + " 2020", other + " 2020");
    }

    @Test
    void suppressesTheTotalWhenNoOtherCellCanProtectTheSmallOne() {
        // 12 deaths, 3 of women and 9 of no recorded gender. The 9 are published nowhere here, but
        // the tables around give them away (PKO's deaths without a gender less the other missions'),
        // so they protect nothing: with no other cell to hide, the total is hidden.
        List<PublicValue> values = protect(count("MINUSCA", "2020", "", 12), count("MINUSCA", "2020", "gender=F", 3));

        assertThat(suppressed(values)).containsExactlyInAnyOrder("MINUSCA 2020", "MINUSCA 2020 gender=F");
    }

    @Test
    void protectsAFewRecordsThatNoCellShows() {
        // 12 = F 9 + 3 with no recorded gender: showing both would give the 3 away (12 - 9).
        List<PublicValue> values = protect(count("MINUSCA", "2020", "", 12), count("MINUSCA", "2020", "gender=F", 9));

        assertThat(suppressed(values)).containsExactly("MINUSCA 2020 gender=F");
    }

    @Test
    void protectsAQuarterWithinItsYearForAFlowButNotForAStock() {
        // Deaths are a flow: 2020 = Q1 3 + Q2 5 + Q3 6 + Q4 6 gives Q1 away unless Q2 (the next smallest) is hidden.
        List<PublicValue> flow = protect(count("MINUSCA", "2020", "", 20), count("MINUSCA", "2020-Q1", "", 3),
                count("MINUSCA", "2020-Q2", "", 5), count("MINUSCA", "2020-Q3", "", 6), count("MINUSCA", "2020-Q4", "", 6));
        assertThat(suppressed(flow)).containsExactlyInAnyOrder("MINUSCA 2020-Q1", "MINUSCA 2020-Q2");

        // The share of women is a stock (last()): the year's value is its last month's, not a sum of quarters.
        List<PublicValue> stock = new SmallCells(Fixtures.pack()).protect(List.of(share("2020", 6), share("2020-Q1", 3), share("2020-Q2", 5),
                share("2020-Q3", 6), share("2020-Q4", 6)));
        assertThat(suppressed(stock)).containsExactly("MINUSCA 2020-Q1");
    }

    private static IndicatorValue share(String period, long records) {
        return new IndicatorValue(WOMEN, "MINUSCA", period, "", 7.5, records, false, false);
    }

    @Test
    void readsTheThresholdFromThePack() {
        PackFixture copy = PackFixture.copyBundled(folder.resolve("pack"));
        copy.replaceOnce("pack.yaml", "small_cell_threshold: 5", "small_cell_threshold: 10");
        Pack strict = PackLoader.load(PackSource.folder(copy.root())).orThrow();
        List<IndicatorValue> values = List.of(count("MINUSCA", "2020", "", 7), count("UNMISS", "2020", "", 10));

        // 7 records: shown at 5, suppressed at 10; 10 records are shown at both.
        assertThat(suppressed(new SmallCells(Fixtures.pack()).protect(values))).isEmpty();
        assertThat(suppressed(new SmallCells(strict).protect(values))).containsExactly("MINUSCA 2020");
    }

    @Test
    void suppressesTheSameCellsWhateverTheOrderOfTheValues() {
        List<IndicatorValue> values = new ArrayList<>();
        String[] missions = {"MINUSCA", "UNMISS", "MONUSCO", "UNIFIL"};
        long[][] byQuarter = {{3, 5, 5, 5}, {6, 6, 2, 9}, {7, 7, 7, 7}, {5, 6, 7, 8}};
        long[] pko = new long[5];
        for (int m = 0; m < missions.length; m++) {
            long year = 0;
            for (int q = 0; q < 4; q++) {
                values.add(count(missions[m], "2020-Q" + (q + 1), "", byQuarter[m][q]));
                year += byQuarter[m][q];
                pko[q] += byQuarter[m][q];
            }
            values.add(count(missions[m], "2020", "", year));
            pko[4] += year;
        }
        for (int q = 0; q < 4; q++) {
            values.add(count("PKO", "2020-Q" + (q + 1), "", pko[q]));
        }
        values.add(count("PKO", "2020", "", pko[4]));
        List<String> first = suppressed(new SmallCells(Fixtures.pack()).protect(values)).stream().sorted().toList();

        Random random = new Random(42);
        for (int round = 0; round < 5; round++) {
            List<IndicatorValue> shuffled = new ArrayList<>(values);
            Collections.shuffle(shuffled, random);
            assertThat(suppressed(new SmallCells(Fixtures.pack()).protect(shuffled)).stream().sorted().toList()).isEqualTo(first);
        }
        // Small: MINUSCA Q1 (3), UNMISS Q3 (2). Tables in order (org unit, then period):
        // MINUSCA 2020 = Q1..Q4 hides Q2 (5, first of three 5s); PKO Q1 = 3 + 7 + 5 + 6 hides UNIFIL Q1 (5);
        // PKO Q2 = 5 + 7 + 6 + 6 hides UNIFIL Q2 (6, before UNMISS); PKO Q3 = 5 + 7 + 7 + 2 hides MINUSCA Q3 (5);
        // UNMISS 2020 = 6 + 6 + 2 + 9 hides Q1 (6). Then every table has 0 or at least 2 hidden.
        assertThat(first).containsExactly("MINUSCA 2020-Q1", "MINUSCA 2020-Q2", "MINUSCA 2020-Q3", "UNIFIL 2020-Q1", "UNIFIL 2020-Q2",
                "UNMISS 2020-Q1", "UNMISS 2020-Q3");
    }
}
