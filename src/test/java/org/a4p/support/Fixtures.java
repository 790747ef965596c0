package org.a4p.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.pack.Pack;
import org.a4p.pack.PackLoader;

/** Small named factories for tests: the bundled pack, an app on a database, CSV files, counts. */
public final class Fixtures {
    private static Pack pack;

    private Fixtures() {}

    public static synchronized Pack pack() {
        if (pack == null) {
            pack = PackLoader.loadBundled();
        }
        return pack;
    }

    public static App app(String url) {
        return new App(pack(), Database.open(url));
    }

    public static Path csv(Path folder, String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    public static ImportOutcome importFiles(App app, String type, boolean wholeDataset, Path... files) {
        List<ImportFile> list = java.util.Arrays.stream(files).map(ImportFile::of).toList();
        return app.importer().run(new ImportRequest(type, null, list, wholeDataset, false, "test"), Progress.NONE);
    }

    /**
     * Approves every submitted submission (as an analyst other than the importer), refreshes the
     * values, and publishes a release: what public readers then see.
     */
    public static org.a4p.release.Release approveAllAndPublish(App app) throws SQLException {
        org.a4p.workflow.Actor analyst = org.a4p.workflow.Actor.operator("fixture-analyst");
        for (org.a4p.ingest.SubmissionSummary s : new org.a4p.ingest.ListSubmissions(app.pack(), app.database())
                .run(new org.a4p.ingest.ListSubmissions.Request(null, 10_000)).orElseThrow(f -> new IllegalStateException(f.message()))) {
            if (s.status().equals("submitted")) {
                app.workflow().run(new org.a4p.workflow.ChangeSubmissionStatus.Request(s.id(), org.a4p.workflow.Step.APPROVE, analyst, null))
                        .orElseThrow(f -> new IllegalStateException("cannot approve submission " + s.id() + ": " + f.message()));
            }
        }
        return app.publishRelease().run(new org.a4p.release.PublishRelease.Request(analyst, null))
                .orElseThrow(f -> new IllegalStateException("cannot publish: " + f.message()));
    }

    public static ImportOutcome.Accepted accepted(ImportOutcome outcome) {
        if (outcome instanceof ImportOutcome.Rejected rejected) {
            throw new AssertionError("import rejected: " + rejected.errors().stream().map(e -> e.message()).toList());
        }
        return (ImportOutcome.Accepted) outcome;
    }

    /** The one stored value of an indicator for an org unit, period and disaggregation ("" for the total). */
    public static org.a4p.indicators.IndicatorValue value(App app, String indicator, String orgUnit, String period,
            String disaggregation) throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            List<org.a4p.indicators.IndicatorValue> found = new org.a4p.indicators.ValueQuery().find(connection,
                            new org.a4p.indicators.ValueQuery.Filter(indicator, orgUnit, period, null, false))
                    .stream().filter(v -> v.disaggregation().equals(disaggregation)).toList();
            org.assertj.core.api.Assertions.assertThat(found).as("%s %s %s %s", indicator, orgUnit, period, disaggregation).hasSize(1);
            return found.get(0);
        }
    }

    /** The stored total of an indicator for an org unit and period (null when it has no answer). */
    public static Double amount(App app, String indicator, String orgUnit, String period) throws SQLException {
        return value(app, indicator, orgUnit, period, "").value();
    }

    public static long count(App app, String sql) throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
