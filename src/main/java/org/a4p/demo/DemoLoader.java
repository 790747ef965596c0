package org.a4p.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.ingest.SubmissionSummary;

/**
 * Loads the demo: the real UN fatalities and uniformed-contributions data bundled in the product,
 * and seeded synthetic records for the types without public data (labelled synthetic). Loading
 * twice changes nothing: the imports are idempotent.
 */
public final class DemoLoader {
    public static final long SEED = 20210301L;
    static final String FATALITIES = "DPPADPOSS-FATALITIES_2023-11-28.csv";
    static final String CONTRIBUTIONS = "uniformed-contributions_2015-2025.csv.gz";

    private final App app;

    public DemoLoader(App app) {
        this.app = app;
    }

    /** The demo's imports, in order: type, file, whether synthetic. */
    public List<ImportRequest> requests(String user) {
        SyntheticData synthetic = new SyntheticData(app.pack().orgUnits(), SEED);
        List<ImportRequest> out = new ArrayList<>();
        out.add(new ImportRequest("fatality", null, List.of(ImportFile.resource(FATALITIES, "/demo/" + FATALITIES)), true, false, user));
        out.add(new ImportRequest("personnel", null, List.of(ImportFile.resource(CONTRIBUTIONS, "/demo/" + CONTRIBUTIONS)), true, false, user));
        out.add(new ImportRequest("allegation", null, List.of(synthetic.allegations()), true, true, user));
        out.add(new ImportRequest("site_environment", null, List.of(synthetic.siteAssessments()), true, true, user));
        return out;
    }

    /** Loads everything; returns the submissions written. Throws when the bundled data is rejected (a bug). */
    public List<SubmissionSummary> load(String user, Progress progress, PrintWriter log) {
        List<SubmissionSummary> out = new ArrayList<>();
        for (ImportRequest request : requests(user)) {
            ImportOutcome outcome = app.importer().run(request, progress);
            if (outcome instanceof ImportOutcome.Rejected rejected) {
                throw new IllegalStateException("the bundled demo data was rejected: "
                        + rejected.errors().stream().limit(5).map(e -> e.message()).toList());
            }
            ImportOutcome.Accepted accepted = (ImportOutcome.Accepted) outcome;
            for (SubmissionSummary s : accepted.submissions()) {
                log.printf("%-16s %-45s %8d rows  %7d added  %6d revised  %7d unchanged  %5d retired  %5d warnings%s%n",
                        s.recordType(), s.fileName(), s.rowsRead(), s.added(), s.revised(), s.unchanged(), s.retired(), s.warnings(),
                        s.synthetic() ? "  (synthetic)" : "");
            }
            out.addAll(accepted.submissions());
            log.flush();
        }
        return out;
    }
}
