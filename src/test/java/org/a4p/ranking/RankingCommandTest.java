package org.a4p.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.cli.Main;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code a4p ranking} in-process on one H2 database holding the hand-made personnel file. */
class RankingCommandTest {
    static final String HEADER = "month,category,rank,country,women,total,share,target,colour";

    @TempDir
    static Path folder;

    static String db;

    @BeforeAll
    static void load() throws Exception {
        db = Databases.h2Url("ranking-cli");
        try (App app = Fixtures.app(db)) {
            RankingFixture.load(app, folder);
        }
    }

    static CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        return run;
    }

    @Test
    void csvHasTheDocumentedHeaderAndOneLinePerCountryAndCategory() {
        CliRun run = run("ranking", "--db", db, "--month", "2020-12", "--format", "csv");
        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out().lines().toList()).containsExactly(HEADER,
                "2020-12,military_contingent,1,Ghana,15,150,10,8,GREEN",
                "2020-12,military_contingent,2,Rwanda,8,100,8,8,GREEN",
                "2020-12,military_contingent,3,Nepal,4,100,4,8,YELLOW",
                "2020-12,military_contingent,4,Zambia,2,50,4,8,YELLOW",
                "2020-12,military_contingent,5,Bhutan,0,200,0,8,RED",
                "2020-12,military_contingent,6,Egypt,0,200,0,8,RED",
                "2020-12,staff_officer,1,Ghana,2,10,20,18,GREEN",
                "2020-12,staff_officer,2,Nepal,1,10,10,18,YELLOW",
                "2020-12,staff_officer,3,Egypt,0,5,0,18,RED");
    }

    @Test
    void tableGroupsByCategoryWithTheTargetAndAColourSummary() {
        CliRun run = run("ranking", "--db", db, "--month", "2020-12", "--category", "military_contingent");
        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        assertThat(run.out())
                .contains("Military contingent — target 2020: 8.0% (first set target (2021))")
                .contains("2 green, 2 yellow, 2 red")
                .doesNotContain("Military staff officer");
        assertThat(run.out().lines().filter(l -> l.matches("\\s+1\\s+Ghana\\s+15\\s+150\\s+10\\.0%\\s+green"))).hasSize(1);

        CliRun none = run("ranking", "--db", db, "--month", "2020-12", "--category", "expert_on_mission");
        assertThat(none.code()).isEqualTo(Main.OK);
        assertThat(none.out()).contains("No personnel: the records of 2020-12 hold no personnel of category expert_on_mission in PKO missions");
    }

    @Test
    void jsonHasTheCsvKeysAndTheScopeAndDefaultMonthApply() throws Exception {
        CliRun run = run("ranking", "--db", db, "--month", "2020-12", "--scope", "SPM", "--format", "json");
        assertThat(run.code()).as(run.err()).isEqualTo(Main.OK);
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertThat(array).hasSize(2);
        List<String> keys = new ArrayList<>();
        array.get(0).fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("month", "category", "rank", "country", "women", "total", "share", "target", "colour");
        assertThat(array.get(0).get("country").asText()).isEqualTo("Nepal");
        assertThat(array.get(0).get("share").asDouble()).isEqualTo(100.0);
        assertThat(array.get(1).get("colour").asText()).isEqualTo("RED");

        CliRun latest = run("ranking", "--db", db, "--format", "csv");
        assertThat(latest.code()).isEqualTo(Main.OK);
        assertThat(latest.out().lines().skip(1).toList()).hasSize(2).allMatch(l -> l.startsWith("2024-06,"));
    }

    @Test
    void aMonthWithoutRecordsNamesTheNearestMonthsWithData() {
        CliRun run = run("ranking", "--db", db, "--month", "2022-03");
        assertThat(run.code()).isEqualTo(Main.REJECTED);
        assertThat(run.err()).contains("no personnel records for 2022-03").contains("2020-12 (before)").contains("2024-06 (after)");
    }

    @Test
    void aBadMonthScopeOrCategoryIsAUsageError() {
        CliRun badMonth = run("ranking", "--db", db, "--month", "2020-13");
        assertThat(badMonth.code()).isEqualTo(Main.USAGE);
        assertThat(badMonth.err()).contains("--month '2020-13' is not a month");
        assertThat(run("ranking", "--db", db, "--month", "december").code()).isEqualTo(Main.USAGE);
        CliRun badCategory = run("ranking", "--db", db, "--category", "troops");
        assertThat(badCategory.code()).isEqualTo(Main.USAGE);
        assertThat(badCategory.err()).contains("unknown category 'troops'").contains("military_contingent");
        assertThat(run("ranking", "--db", db, "--scope", "MINUSCA").code()).isEqualTo(Main.USAGE);
    }
}
