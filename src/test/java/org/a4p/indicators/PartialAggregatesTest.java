package org.a4p.indicators;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Importer;
import org.a4p.ingest.Progress;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored partials and the narrowed refreshes they allow give exactly the values a rebuild from
 * every record gives: after each kind of change (a first import, one mission-month, a record moved
 * to another mission and month, a whole-dataset import that retires records, approvals, an import
 * whose refresh was deferred), a rebuild in a transaction that is then rolled back must find
 * nothing to write. Every indicator of the pack is covered, with sums, counts, last() and medians.
 */
class PartialAggregatesTest {
    private static final String[] MISSIONS = {"MINUSCA", "UNMISS", "MONUSCO", "UNIFIL", "UNAMA"};
    private static final String[] PERSONNEL = {"military", "police", "international_civilian"};
    private static final String[] INCIDENTS = {"malicious_act", "accident", "illness"};
    private static final String[] CATEGORIES = {"sexual_abuse", "sexual_exploitation", "other_misconduct"};

    @TempDir
    Path folder;

    private App app;
    /** What each refresh the importer and the workflow asked for did. */
    private final List<IndicatorEngine.RefreshStats> refreshes = new ArrayList<>();
    private Importer importer;
    private final Random random = new Random(11);

    private void open(String url) {
        app = Fixtures.app(url);
        IndicatorEngine engine = app.engine();
        importer = new Importer(app.database(), app.pack(), new Importer.Refresh() {
            @Override
            public void refresh(Connection connection, Set<String> recordTypes, Set<Integer> years) throws SQLException {
                refreshes.add(engine.refreshYears(connection, recordTypes, years));
            }

            @Override
            public void refreshMonths(Connection connection, String recordType, Map<String, Set<YearMonth>> monthsByMission,
                    Set<String> otherTypes, Set<Integer> otherYears) throws SQLException {
                refreshes.add(engine.refreshCells(connection, recordType, monthsByMission, otherTypes, otherYears));
            }

            @Override
            public void changedUnrefreshed(Connection connection, Set<String> recordTypes) throws SQLException {
                engine.changedUnrefreshed(connection, recordTypes);
            }
        }, app.audit(), Importer.Listener.NONE);
    }

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void everyNarrowedRefreshLeavesWhatARebuildWouldCompute(String url) throws Exception {
        open(url);
        importAll("fatality", fatalities(0, 400, null, null));
        importAll("personnel", personnel(2019, 2021));
        importAll("allegation", allegations(300));
        importAll("site_environment", siteAssessments(200));
        assertThat(rebuildWrites()).as("after the first imports").isZero();

        // One mission-month: only its values are refreshed, from its recomputed partials.
        refreshes.clear();
        importAll("fatality", fatalities(1000, 12, "UNMISS", YearMonth.of(2020, 6)));
        IndicatorEngine.RefreshStats narrowed = refreshes.get(0);
        assertThat(narrowed.scope()).isEqualTo("months of UNMISS: [2020, 2020-06, 2020-Q2]");
        assertThat(narrowed.typesRebuilt()).isZero();
        assertThat(narrowed.written()).isPositive();
        assertThat(rebuildWrites()).as("after one mission-month").isZero();

        // A record moves to another mission and month: both months' values change.
        refreshes.clear();
        importAll("fatality", csv(folder, "moved.csv", "casualty_id,incident_date,mission,personnel_type,incident_type",
                "C1000,2021-03-04,MINUSCA,police,malicious_act"));
        assertThat(refreshes.get(0).scope()).isEqualTo("months of MINUSCA, UNMISS: [2020, 2020-06, 2020-Q2, 2021, 2021-03, 2021-Q1]");
        assertThat(rebuildWrites()).as("after a record moved").isZero();

        // A whole dataset that no longer holds some records retires them, in many months of every mission.
        importWhole("allegation", allegations(200));
        assertThat(rebuildWrites()).as("after records were retired").isZero();

        // Approval makes values no longer provisional, month by month.
        Fixtures.approveAllAndPublish(app);
        assertThat(Fixtures.count(app, "SELECT COUNT(*) FROM indicator_value WHERE provisional AND indicator_id = 'P4.FATALITIES_ALL'"))
                .isZero();
        assertThat(rebuildWrites()).as("after approvals").isZero();

        // An import whose refresh is deferred (in months no approval locked): its type's partials are rebuilt by the next full refresh.
        ImportOutcome deferred = app.importer().deferringRefresh().run(new ImportRequest("fatality", null,
                List.of(ImportFile.of(fatalities(2000, 30, "MONUSCO", YearMonth.of(2022, 3)))), false, false, "test", true), Progress.NONE);
        accepted(deferred);
        String fatalityLayout = "SELECT COUNT(*) FROM indicator_partial_layout WHERE record_type = 'fatality'";
        assertThat(Fixtures.count(app, fatalityLayout)).isZero();
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            IndicatorEngine.RefreshStats full = app.engine().refreshAll(connection);
            connection.commit();
            assertThat(full.typesRebuilt()).isPositive();
            assertThat(full.written()).isPositive();
        }
        assertThat(Fixtures.count(app, fatalityLayout)).isEqualTo(1);
        assertThat(rebuildWrites()).as("after a deferred import and a full refresh").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void aFullRefreshOverCompletePartialsReadsNoRecord(String url) throws Exception {
        open(url);
        importAll("fatality", fatalities(0, 200, null, null));
        importAll("personnel", personnel(2020, 2020));
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            IndicatorEngine.RefreshStats first = app.engine().refreshAll(connection);
            // The types no import wrote have no partials yet: a first full refresh builds them.
            assertThat(first.typesRebuilt()).isPositive();
            connection.commit();
            IndicatorEngine.RefreshStats again = app.engine().refreshAll(connection);
            assertThat(again.queries()).isZero();
            assertThat(again.typesRebuilt()).isZero();
            assertThat(again.partialRows()).isPositive();
            assertThat(again.written()).isZero();
            connection.commit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void partialsOfAnotherLayoutAreRebuiltNotRead(String url) throws Exception {
        open(url);
        importAll("fatality", fatalities(0, 200, null, null));
        long stored;
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            // As if another pack had computed them: another digest.
            try (var statement = connection.prepareStatement("UPDATE indicator_partial_layout SET digest = 'other' WHERE record_type = 'fatality'")) {
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            try (var statement = connection.prepareStatement("UPDATE indicator_partial SET times = times WHERE record_type = 'fatality'")) {
                stored = statement.executeUpdate();
            }
            connection.commit();
            refreshes.clear();
        }
        importAll("fatality", fatalities(500, 5, "MINUSCA", YearMonth.of(2020, 2)));
        assertThat(refreshes.get(0).scope()).startsWith("years ");
        assertThat(refreshes.get(0).typesRebuilt()).isEqualTo(1);
        assertThat(stored).isPositive();
        assertThat(rebuildWrites()).isZero();
    }

    /** Rebuilds every partial and value from the records, rolls it back, and returns how many values it would have written. */
    private int rebuildWrites() throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                IndicatorEngine.RefreshStats stats = app.engine().rebuildAll(connection);
                assertThat(stats.values()).isPositive();
                return stats.written();
            } finally {
                connection.rollback();
            }
        }
    }

    private void importAll(String type, Path file) {
        accepted(importer.run(new ImportRequest(type, null, List.of(ImportFile.of(file)), false, false, "test", true), Progress.NONE));
    }

    private void importWhole(String type, Path file) {
        accepted(importer.run(new ImportRequest(type, null, List.of(ImportFile.of(file)), true, false, "test", true), Progress.NONE));
    }

    private LocalDate day(int fromYear, int years) {
        return LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt(365 * years));
    }

    private static <T> T pick(Random random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** {@code count} fatalities numbered from {@code first}, in 2019-2021 over every mission, or all in one mission-month. */
    private Path fatalities(int first, int count, String mission, YearMonth month) throws Exception {
        List<String> lines = new ArrayList<>(List.of("casualty_id,incident_date,mission,personnel_type,incident_type,gender"));
        for (int i = first; i < first + count; i++) {
            LocalDate date = month == null ? day(2019, 3) : month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            lines.add("C" + i + "," + date + "," + (mission == null ? pick(random, MISSIONS) : mission) + "," + pick(random, PERSONNEL)
                    + "," + pick(random, INCIDENTS) + "," + (random.nextInt(5) == 0 ? "F" : "M"));
        }
        return csv(folder, "fatalities-" + first + ".csv", lines.toArray(String[]::new));
    }

    private Path personnel(int fromYear, int toYear) throws Exception {
        List<String> lines = new ArrayList<>(List.of("report_date,mission,contributing_country,category,women,men"));
        for (YearMonth month = YearMonth.of(fromYear, 1); month.getYear() <= toYear; month = month.plusMonths(1)) {
            for (String mission : MISSIONS) {
                for (String country : new String[] {"Rwanda", "Nepal"}) {
                    int men = 50 + random.nextInt(200);
                    lines.add(month.atEndOfMonth() + "," + mission + "," + country + ",military_contingent," + random.nextInt(1 + men / 5)
                            + "," + men);
                }
            }
        }
        return csv(folder, "personnel-" + fromYear + ".csv", lines.toArray(String[]::new));
    }

    private int allegationFiles;

    /** Allegations A0 to A{count-1}: a later, shorter file leaves the last ones out. */
    private Path allegations(int count) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "allegation_id,reported_on,mission,category,personnel_category,investigation_status,investigation_closed_on"));
        Random fixed = new Random(5);
        for (int i = 0; i < count; i++) {
            LocalDate reported = LocalDate.of(2019, 1, 1).plusDays(fixed.nextInt(3 * 365));
            boolean closed = fixed.nextBoolean();
            lines.add("A" + i + "," + reported + "," + pick(fixed, MISSIONS) + "," + pick(fixed, CATEGORIES) + ",military,"
                    + (closed ? "closed," + reported.plusDays(fixed.nextInt(300)) : "under_investigation,"));
        }
        return csv(folder, "allegations-" + allegationFiles++ + ".csv", lines.toArray(String[]::new));
    }

    private Path siteAssessments(int count) throws Exception {
        Map<String, String> siteMission = new HashMap<>();
        for (String mission : new String[] {"MINUSCA", "UNMISS"}) {
            app.pack().orgUnits().sitesOf(mission).stream().limit(4).forEach(site -> siteMission.put(site.code(), mission));
        }
        String[] sites = siteMission.keySet().stream().sorted().toArray(String[]::new);
        List<String> lines = new ArrayList<>(List.of("site,mission,assessed_on,pillar,risk_level"));
        for (int i = 0; i < count; i++) {
            String site = sites[i % sites.length];
            lines.add(site + "," + siteMission.get(site) + "," + LocalDate.of(2019, 1, 1).plusDays(i * 5L) + ","
                    + pick(random, new String[] {"energy", "wastewater", "solid_waste"}) + "," + pick(random, new String[] {"low", "high"}));
        }
        return csv(folder, "sites.csv", lines.toArray(String[]::new));
    }
}
