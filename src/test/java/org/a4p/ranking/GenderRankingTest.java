package org.a4p.ranking;

import static org.a4p.ranking.RankingFixture.FIRST_2021;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.a4p.app.App;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The ranking computed from the hand-made personnel file, on H2 and on PostgreSQL. */
class GenderRankingTest {
    static final YearMonth DECEMBER = YearMonth.of(2020, 12);

    @TempDir
    Path folder;

    private static CountryRow troops(String country, long women, long total, double share, Colour colour, int rank) {
        return new CountryRow(country, "military_contingent", women, total, share, 8.0, FIRST_2021, colour, rank);
    }

    private static CountryRow staff(String country, long women, long total, double share, Colour colour, int rank) {
        return new CountryRow(country, "staff_officer", women, total, share, 18.0, FIRST_2021, colour, rank);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void ranksEachCategoryOfTheMonthInTheScope(String url) throws Exception {
        try (App app = Fixtures.app(url); Connection c = app.database().dataSource().getConnection()) {
            RankingFixture.load(app, folder);
            GenderRanking ranking = new GenderRanking(app.pack());

            assertThat(ranking.rank(c, DECEMBER, "PKO", null)).containsExactly(
                    troops("Ghana", 15, 150, 10.0, Colour.GREEN, 1),
                    troops("Rwanda", 8, 100, 8.0, Colour.GREEN, 2),
                    troops("Nepal", 4, 100, 4.0, Colour.YELLOW, 3),
                    troops("Zambia", 2, 50, 4.0, Colour.YELLOW, 4),
                    troops("Bhutan", 0, 200, 0.0, Colour.RED, 5),
                    troops("Egypt", 0, 200, 0.0, Colour.RED, 6),
                    staff("Ghana", 2, 10, 20.0, Colour.GREEN, 1),
                    staff("Nepal", 1, 10, 10.0, Colour.YELLOW, 2),
                    staff("Egypt", 0, 5, 0.0, Colour.RED, 3));

            assertThat(ranking.rank(c, DECEMBER, "PKO", "staff_officer")).containsExactly(
                    staff("Ghana", 2, 10, 20.0, Colour.GREEN, 1),
                    staff("Nepal", 1, 10, 10.0, Colour.YELLOW, 2),
                    staff("Egypt", 0, 5, 0.0, Colour.RED, 3));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void scopeFilterAndMonthBoundaries(String url) throws Exception {
        try (App app = Fixtures.app(url); Connection c = app.database().dataSource().getConnection()) {
            RankingFixture.load(app, folder);
            GenderRanking ranking = new GenderRanking(app.pack());

            assertThat(ranking.rank(c, DECEMBER, "SPM", "military_contingent")).containsExactly(
                    troops("Nepal", 50, 50, 100.0, Colour.GREEN, 1),
                    troops("Mongolia", 0, 10, 0.0, Colour.RED, 2));
            assertThat(ranking.rank(c, DECEMBER, null, "military_contingent")).containsExactly(
                    troops("Nepal", 54, 150, 36.0, Colour.GREEN, 1),
                    troops("Ghana", 15, 150, 10.0, Colour.GREEN, 2),
                    troops("Rwanda", 8, 100, 8.0, Colour.GREEN, 3),
                    troops("Zambia", 2, 50, 4.0, Colour.YELLOW, 4),
                    troops("Bhutan", 0, 200, 0.0, Colour.RED, 5),
                    troops("Egypt", 0, 200, 0.0, Colour.RED, 6),
                    troops("Mongolia", 0, 10, 0.0, Colour.RED, 7));
            assertThat(ranking.rank(c, YearMonth.of(2020, 11), "PKO", null)).containsExactly(
                    troops("Kenya", 5, 10, 50.0, Colour.GREEN, 1),
                    troops("Ghana", 0, 100, 0.0, Colour.RED, 2));
            assertThat(ranking.rank(c, YearMonth.of(2021, 1), "PKO", null)).isEmpty();
            assertThat(ranking.months(c)).containsExactly(YearMonth.of(2020, 11), DECEMBER, YearMonth.of(2024, 6));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void aShareOnTheInterpolatedTargetMeetsIt(String url) throws Exception {
        try (App app = Fixtures.app(url); Connection c = app.database().dataSource().getConnection()) {
            RankingFixture.load(app, folder);
            String between = "interpolated between 2021 and 2028";
            assertThat(new GenderRanking(app.pack()).rank(c, YearMonth.of(2024, 6), "PKO", null)).containsExactly(
                    new CountryRow("Ghana", "military_contingent", 11, 100, 11.0, 11.0, between, Colour.GREEN, 1),
                    new CountryRow("Nepal", "military_contingent", 109, 1000, 10.9, 11.0, between, Colour.YELLOW, 2));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void retiredRecordsDoNotCount(String url) throws Exception {
        try (App app = Fixtures.app(url); Connection c = app.database().dataSource().getConnection()) {
            RankingFixture.load(app, folder);
            // A whole-dataset release without Rwanda retires Rwanda's record.
            List<String> lines = Arrays.stream(RankingFixture.LINES).filter(l -> !l.contains(",Rwanda,")).toList();
            Fixtures.accepted(Fixtures.importFiles(app, "personnel", true,
                    Fixtures.csv(folder, "release.csv", lines.toArray(String[]::new))));
            assertThat(new GenderRanking(app.pack()).rank(c, DECEMBER, "PKO", "military_contingent"))
                    .extracting(CountryRow::country, CountryRow::rank)
                    .containsExactly(tuple("Ghana", 1), tuple("Nepal", 2),
                            tuple("Zambia", 3), tuple("Bhutan", 4),
                            tuple("Egypt", 5));
        }
    }

    @Test
    void rejectsAnUnknownScopeOrCategory() throws Exception {
        try (App app = Fixtures.app(Databases.h2Url("ranking")); Connection c = app.database().dataSource().getConnection()) {
            GenderRanking ranking = new GenderRanking(app.pack());
            assertThatThrownBy(() -> ranking.rank(c, DECEMBER, "MINUSCA", null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown scope 'MINUSCA'");
            assertThatThrownBy(() -> ranking.rank(c, DECEMBER, "PKO", "troops")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown category 'troops'");
        }
    }
}
