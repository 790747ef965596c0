package org.a4p.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.app.PackRuntime;
import org.a4p.app.ReloadPack;
import org.a4p.db.Database;
import org.a4p.pack.Indicator;
import org.a4p.indicators.IndicatorValue;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.support.Fixtures;
import org.a4p.workflow.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11: an import running while the pack is reloaded sees one pack or the other, never a mix.
 * The server starts on pack A (a copy of the bundled pack); the copy on disk then becomes pack B, in
 * which P4.FATALITIES_ALL counts accidents only. A reload asked for while an import is writing waits
 * for it: the import validates, writes and refreshes under A; the reload then recomputes every value
 * under B, and every stored value is what B computes from scratch.
 */
@ParameterizedClass
@MethodSource("org.a4p.testing.Databases#databases")
class PackReloadTest {
    static final String CHANGED = "P4.FATALITIES_ALL";
    static final String FORMULA_A = "formula: count(fatality)\n";
    static final String FORMULA_B = "formula: count(fatality where incident_type = 'accident')\n";
    static final int ROWS = 4_000;

    @Parameter
    String url;

    @TempDir
    Path folder;

    Path packFolder;
    App app;

    @BeforeEach
    void start() throws IOException {
        packFolder = org.a4p.templates.TestPacks.copyOfTheBundledPack(folder);
        app = new App(App.loadPack(packFolder), packFolder, Database.open(url), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void anImportUnderwayFinishesUnderTheOldPackAndTheReloadThenRecomputesEveryValueUnderTheNew() throws Exception {
        PackRuntime a = app.runtime();
        Path file = fatalities(folder.resolve("fatalities.csv"));
        setFormula(FORMULA_B); // pack B on disk; A stays in service until reloaded

        AtomicReference<CompletableFuture<Outcome<ReloadPack.Reloaded>>> reload = new AtomicReference<>();
        AtomicReference<PackRuntime> inServiceWhileReloadWaits = new AtomicReference<>();
        Progress reloadMidWrite = new Progress() {
            @Override
            public void update(String phase, double fraction) {
                if (phase.startsWith("writing") && fraction >= 0.6 && reload.get() == null) {
                    reload.set(CompletableFuture.supplyAsync(() -> new ReloadPack(app).run(Actor.operator("reloader"))));
                    while (!a.retiring() && !reload.get().isDone()) { // the reload has started and waits for this import
                        Thread.onSpinWait();
                    }
                    inServiceWhileReloadWaits.set(app.runtime());
                }
            }

            @Override
            public void done() {}
        };
        ImportOutcome outcome;
        Set<String> storedAfterImport;
        try (App.Use use = app.enter()) {
            assertThat(use.runtime()).isSameAs(a);
            outcome = use.runtime().importer().run(new ImportRequest("fatality", null, List.of(ImportFile.of(file)), false, false, "test"),
                    reloadMidWrite);
            storedAfterImport = stored(CHANGED); // the reload still waits: this is what the import committed
        }
        assertThat(reload.get()).as("the reload was asked for during the import's write").isNotNull();
        assertThat(inServiceWhileReloadWaits.get()).as("pack A in service while the import runs").isSameAs(a);
        assertThat(Fixtures.accepted(outcome).submissions()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM rec_fatality")).isEqualTo(ROWS);
        Indicator changedUnderA = a.pack().indicator(CHANGED).orElseThrow();
        assertThat(storedAfterImport).as("the values the import wrote are pack A's").isNotEmpty()
                .isEqualTo(computed(a, List.of(changedUnderA)));

        ReloadPack.Reloaded reloaded = reload.get().join().orElseThrow(f -> new IllegalStateException(f.message()));
        PackRuntime b = app.runtime();
        assertThat(b).isNotSameAs(a);
        assertThat(reloaded.generation()).isEqualTo(2);
        assertThat(reloaded.recorded()).isTrue();
        assertThat(b.pack().indicator(CHANGED).orElseThrow().formula()).contains("accident");
        Set<String> underB = computed(b, List.of(b.pack().indicator(CHANGED).orElseThrow()));
        assertThat(underB).as("pack B gives other values than A").isNotEqualTo(storedAfterImport);
        assertThat(stored(CHANGED)).as("no value of A left for the indicator B changed").isEqualTo(underB);
        assertThat(storedAll()).as("every stored value is what B computes from scratch").isEqualTo(computed(b, b.pack().indicators()));
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'pack.load' AND actor = 'reloader'")).isEqualTo(1);

        // The next import runs under B: its refresh leaves B's values.
        Path more = Fixtures.csv(folder, "more.csv", ImportKilledTest.HEADER,
                "MINUSCA-2022-01-999999,2022-01-15,MINUSCA,police,malicious_act,M,BGD,Person X");
        Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, more));
        assertThat(storedAll()).isEqualTo(computed(b, b.pack().indicators()));
    }

    @Test
    void aBrokenPackIsRefusedAndTheOldOneStaysInService() throws Exception {
        PackRuntime a = app.runtime();
        Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, fatalities(folder.resolve("fatalities.csv"))));
        Set<String> before = storedAll();
        setFormula("formula: count(no_such_type)\n");

        Outcome<ReloadPack.Reloaded> outcome = new ReloadPack(app).run(Actor.operator("reloader"));

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class, failed -> {
            Failure failure = failed.failure();
            assertThat(failure.kind()).isEqualTo(Failure.Kind.REJECTED);
            assertThat(failure.message()).contains("problem").contains("the pack in service stays");
        });
        assertThat(app.runtime()).isSameAs(a);
        assertThat(app.pack().indicator(CHANGED).orElseThrow().formula()).isEqualTo("count(fatality)");
        assertThat(storedAll()).isEqualTo(before).isEqualTo(computed(a, a.pack().indicators()));
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'pack.load' AND actor = 'reloader'")).isZero();
    }

    @Test
    void aReloadByANonAdminIsForbiddenAndChangesNothing() throws Exception {
        PackRuntime a = app.runtime();
        setFormula(FORMULA_B);
        Outcome<ReloadPack.Reloaded> outcome = new ReloadPack(app).run(
                new Actor("analyst", org.a4p.access.Role.ANALYST, List.of()));
        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failed.class,
                failed -> assertThat(failed.failure().kind()).isEqualTo(Failure.Kind.FORBIDDEN));
        assertThat(app.runtime()).isSameAs(a);
    }

    private void setFormula(String formula) throws IOException {
        Path file = packFolder.resolve("indicators/p4_accountability_to_peacekeepers.yaml");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int at = text.indexOf("  - id: " + CHANGED + "\n");
        int formulaAt = text.indexOf("    formula: ", at);
        int end = text.indexOf('\n', formulaAt) + 1;
        Files.writeString(file, text.substring(0, formulaAt) + "    " + formula + text.substring(end), StandardCharsets.UTF_8);
    }

    /** The values of the indicators as the runtime's engine computes them from the records, as rows. */
    private Set<String> computed(PackRuntime runtime, List<Indicator> indicators) throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            return runtime.engine().compute(connection, indicators, null, null).stream().map(PackReloadTest::row)
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String row(IndicatorValue v) {
        return v.indicator() + "|" + v.orgUnit() + "|" + v.period() + "|" + v.disaggregation() + "|" + v.value() + "|" + v.records();
    }

    private Set<String> stored(String indicator) throws SQLException {
        return storedWhere("WHERE indicator_id = '" + indicator + "'");
    }

    private Set<String> storedAll() throws SQLException {
        return storedWhere("");
    }

    private Set<String> storedWhere(String where) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection connection = app.database().dataSource().getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT indicator_id, org_unit, period, disaggregation, amount, records FROM indicator_value "
                        + where)) {
            while (rs.next()) {
                double amount = rs.getDouble(5);
                Double value = rs.wasNull() ? null : amount;
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + value + "|"
                        + rs.getLong(6));
            }
        }
        return rows;
    }

    private long count(String sql) throws SQLException {
        return Fixtures.count(app, sql);
    }

    private static Path fatalities(Path file) throws IOException {
        StringBuilder csv = new StringBuilder(ImportKilledTest.HEADER).append('\n');
        for (int i = 0; i < ROWS; i++) {
            String mission = ImportKilledTest.MISSIONS.get(i % ImportKilledTest.MISSIONS.size());
            int year = 2016 + (i / 5) % 6;
            int month = 1 + (i / 40) % 12;
            csv.append(String.format("%s-%d-%02d-%06d,%d-%02d-%02d,%s,%s,%s,M,BGD,Person %d%n", mission, year, month, i, year, month,
                    1 + i % 27, mission, i % 2 == 0 ? "police" : "military", i % 3 == 0 ? "accident" : "malicious_act", i));
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }
}
