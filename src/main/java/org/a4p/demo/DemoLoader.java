package org.a4p.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.app.Outcome;
import org.a4p.release.PublishRelease;
import org.a4p.release.Release;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Importer;
import org.a4p.ingest.Progress;
import org.a4p.ingest.SubmissionStore;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.orgunit.OrgUnits;
import org.a4p.records.StoreException;

/**
 * Loads the demo: the real UN fatalities and uniformed-contributions data bundled in the product,
 * and seeded synthetic records (labelled synthetic) for every record type without public data.
 * A file already loaded unchanged is skipped, so loading again is quick and changes nothing.
 */
public final class DemoLoader {
    public static final long SEED = 20210301L;
    /** Who approves the demo's submissions and publishes its release: not the loader, since nobody approves their own. */
    public static final String ANALYST = "demo-analyst";
    static final String FATALITIES = "DPPADPOSS-FATALITIES_2023-11-28.csv";
    static final String CONTRIBUTIONS = "uniformed-contributions_2015-2025.csv.gz";

    private final App app;

    public DemoLoader(App app) {
        this.app = app;
    }

    /** The synthetic sources, in import order. */
    private List<SyntheticRecords> syntheticSources() {
        OrgUnits orgUnits = app.pack().orgUnits();
        SyntheticData foundation = new SyntheticData(orgUnits, SEED);
        return List.of(
                () -> Map.of("allegation", foundation.allegations()),
                () -> Map.of("site_environment", foundation.siteAssessments()),
                () -> Map.of("senior_staffing", foundation.seniorStaffing()),
                new CasesAndMediaRecords(orgUnits, SEED),
                new PoliticalAndCommunicationsRecords(orgUnits, SEED),
                new MedicalConductAndStewardshipRecords(orgUnits, SEED),
                new CapabilitiesAndHostCountryRecords(orgUnits, SEED));
    }

    /** The demo's imports, in order. */
    public List<ImportRequest> requests(String user) {
        List<ImportRequest> out = new ArrayList<>();
        out.add(new ImportRequest("fatality", null, List.of(ImportFile.resource(FATALITIES, "/demo/" + FATALITIES)), true, false, user));
        // The table holds months its source reports misprinted (README, Importing): taken as published, and flagged.
        out.add(new ImportRequest("personnel", null, List.of(ImportFile.resource(CONTRIBUTIONS, "/demo/" + CONTRIBUTIONS)), true, false, user,
                true));
        for (SyntheticRecords source : syntheticSources()) {
            Map<String, ImportFile> files = source.files();
            Map<String, Long> filesPerType = files.keySet().stream()
                    .collect(java.util.stream.Collectors.groupingBy(DemoLoader::typeOf, java.util.stream.Collectors.counting()));
            files.forEach((key, file) -> {
                String type = typeOf(key);
                // A type split over several files (a case history year by year) is never "the whole dataset".
                out.add(new ImportRequest(type, null, List.of(file), filesPerType.get(type) == 1, true, user));
            });
        }
        return out;
    }

    /** The record type of a synthetic file's key: the part before any '-'. */
    private static String typeOf(String key) {
        int dash = key.indexOf('-');
        return dash < 0 ? key : key.substring(0, dash);
    }

    /** Loads everything not loaded yet; returns the submissions written. Throws when bundled data is rejected (a bug). */
    public List<SubmissionSummary> load(String user, Progress progress, PrintWriter log) {
        return load(user, progress, log, type -> true);
    }

    /** Loads the demo files of the record types chosen. */
    public List<SubmissionSummary> load(String user, Progress progress, PrintWriter log, java.util.function.Predicate<String> types) {
        List<SubmissionSummary> out = new ArrayList<>();
        // Seventy files: the indicators are refreshed once at the end, not after each file.
        Importer importer = app.importer().deferringRefresh();
        for (ImportRequest request : requests(user).stream().filter(r -> types.test(r.recordType())).toList()) {
            ImportFile file = request.files().get(0);
            if (alreadyLoaded(request.recordType(), file)) {
                log.printf("%-20s %-45s already loaded, unchanged%n", request.recordType(), file.name());
                continue;
            }
            ImportOutcome outcome = importer.run(request, progress);
            if (outcome instanceof ImportOutcome.Rejected rejected) {
                throw new IllegalStateException("the bundled demo data was rejected: "
                        + rejected.errors().stream().limit(5).map(e -> e.message()).toList());
            }
            for (SubmissionSummary s : ((ImportOutcome.Accepted) outcome).submissions()) {
                log.printf("%-20s %-45s %8d rows  %7d added  %6d revised  %7d unchanged  %5d retired  %5d warnings%s%n",
                        s.recordType(), s.fileName(), s.rowsRead(), s.added(), s.revised(), s.unchanged(), s.retired(), s.warnings(),
                        s.synthetic() ? "  (synthetic)" : "");
                out.add(s);
            }
            outcome.implausible().forEach(w -> log.println("  warning: " + w.message()));
            log.flush();
        }
        // The demo's files stand as approved by an analyst other than the loader, as the workflow requires.
        ChangeSubmissionStatus workflow = app.workflow().deferringRefresh();
        for (SubmissionSummary s : out) {
            workflow.run(new ChangeSubmissionStatus.Request(s.id(), Step.APPROVE, Actor.operator(ANALYST), null)).orElseThrow(
                    failure -> new IllegalStateException("the demo's submission " + s.id() + " could not be approved: " + failure.message()));
        }
        if (!out.isEmpty()) {
            progress.update("refreshing indicators", 0);
            try (Connection connection = app.database().dataSource().getConnection()) {
                connection.setAutoCommit(false);
                app.engine().refreshAll(connection);
                connection.commit();
            } catch (SQLException e) {
                throw new StoreException("the demo's records are in, but the indicators could not be refreshed: " + e.getMessage(), e);
            }
            progress.done();
        }
        // Loaded before and nothing new: the last release stands (finding that out costs a full computation).
        if (!out.isEmpty() || app.releases().list().isEmpty()) {
            publish(log);
        }
        return out;
    }

    /** Publishes a release when the approved data changed since the last one, so that a new user sees public figures at once. */
    private void publish(PrintWriter log) {
        Outcome<Release> published = app.publishRelease().run(new PublishRelease.Request(Actor.operator(ANALYST),
                "The demo: real UN data and labelled synthetic records"));
        if (published instanceof Outcome.Ok<Release> ok) {
            log.printf("Release %d published: %,d values (%,d new, %,d revised, %,d withdrawn)%n", ok.value().number(), ok.value().values(),
                    ok.value().added(), ok.value().revised(), ok.value().withdrawn());
        } else {
            log.println("No new release: " + ((Outcome.Failed<Release>) published).failure().message());
        }
        log.flush();
    }

    /** True when this exact file was the last one imported for its name and type. */
    private boolean alreadyLoaded(String type, ImportFile file) {
        try (Connection connection = app.database().dataSource().getConnection()) {
            return new SubmissionStore().lastAcceptedHash(connection, type, file.name()).filter(sha256(file)::equals).isPresent();
        } catch (SQLException e) {
            throw new StoreException("cannot read the submissions: " + e.getMessage(), e);
        }
    }

    private static String sha256(ImportFile file) {
        try (InputStream in = file.opener().open()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
