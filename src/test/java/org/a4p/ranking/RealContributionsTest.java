package org.a4p.ranking;

import static org.a4p.support.Fixtures.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.a4p.app.App;
import org.a4p.demo.DemoLoader;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.orgunit.OrgUnits;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The ranking on the UN's monthly contributions file bundled with the demo, against the file read directly. */
class RealContributionsTest {

    @Test
    void troopsOfDecember2020InPeacekeepingOperationsMatchTheFile() throws Exception {
        // Read independently: Troops rows of the 2020-12-31 report in PKO missions, per country {women, total}.
        OrgUnits orgUnits = Fixtures.pack().orgUnits();
        Map<String, long[]> expected = new TreeMap<>();
        try (Reader reader = new InputStreamReader(new GZIPInputStream(
                RealContributionsTest.class.getResourceAsStream("/demo/uniformed-contributions_2015-2025.csv.gz")), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (row.get("report_date").equals("2020-12-31") && row.get("personnel_type").equals("Troops")
                        && "PKO".equals(orgUnits.scopeOf(row.get("mission_acronym")))) {
                    long[] sum = expected.computeIfAbsent(row.get("contributing_country"), k -> new long[2]);
                    sum[0] += Long.parseLong(row.get("female"));
                    sum[1] += Long.parseLong(row.get("female")) + Long.parseLong(row.get("male"));
                }
            }
        }
        expected.values().removeIf(sum -> sum[1] == 0);
        long expectedWomen = expected.values().stream().mapToLong(sum -> sum[0]).sum();
        assertThat(expected).hasSizeGreaterThan(40);

        try (App app = Fixtures.app(Databases.h2Url("ranking-real"))) {
            ImportRequest personnel = new DemoLoader(app).requests("test").stream()
                    .filter(r -> r.recordType().equals("personnel")).findFirst().orElseThrow();
            accepted(app.importer().run(personnel, Progress.NONE));
            List<CountryRow> rows;
            try (Connection c = app.database().dataSource().getConnection()) {
                rows = new GenderRanking(app.pack()).rank(c, YearMonth.of(2020, 12), "PKO", "military_contingent");
            }
            assertThat(rows).hasSize(expected.size());
            assertThat(rows.stream().mapToLong(CountryRow::women).sum()).isEqualTo(expectedWomen);
            assertThat(rows.stream().collect(Collectors.toMap(CountryRow::country, r -> List.of(r.women(), r.total()))))
                    .isEqualTo(expected.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> List.of(e.getValue()[0], e.getValue()[1]))));
            assertThat(rows).extracting(CountryRow::colour).contains(Colour.GREEN, Colour.YELLOW, Colour.RED);
            assertThat(rows).extracting(CountryRow::rank).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, rows.size()).boxed().toList());
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.target()).isEqualTo(8.0);
                assertThat(r.targetSource()).isEqualTo("first set target (2021)");
            });
        }
    }
}
