package org.a4p.bench;

import java.util.ArrayList;
import java.util.List;
import org.a4p.app.App;
import org.a4p.i18n.Language;
import org.a4p.release.PublishRelease;
import org.a4p.release.Release;
import org.a4p.report.MakeReport;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;

/**
 * The Member State report on the bench's data. The report shows the latest published release, so
 * the bench's submissions are approved (by an analyst other than their submitter, as the workflow
 * requires) and one release is published first; both are timed once, then the English report of
 * {@link #YEAR} is made as HTML and as PDF, {@code repeat} times each.
 */
final class ReportTiming {
    static final int YEAR = 2024;
    private static final String ANALYST = "bench-analyst";

    record Outcome(double approveS, double publishS, int releaseValues, List<Double> htmlRunsS, List<Double> pdfRunsS, int pdfBytes) {}

    static Outcome run(App app, List<Long> submissions, int repeat) {
        long start = System.nanoTime();
        // As the demo does: the release computes from the approved records itself, so no refresh per approval.
        ChangeSubmissionStatus workflow = app.workflow().deferringRefresh();
        for (long id : submissions) {
            workflow.run(new ChangeSubmissionStatus.Request(id, Step.APPROVE, Actor.operator(ANALYST), null))
                    .orElseThrow(f -> new IllegalStateException("submission " + id + " could not be approved: " + f.message()));
        }
        double approve = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        Release release = app.publishRelease().run(new PublishRelease.Request(Actor.operator(ANALYST), "bench"))
                .orElseThrow(f -> new IllegalStateException("no release was published: " + f.message()));
        double publish = (System.nanoTime() - start) / 1e9;
        MakeReport report = new MakeReport(app.pack(), app.database(), app.clock());
        List<Double> html = new ArrayList<>();
        List<Double> pdf = new ArrayList<>();
        int bytes = 0;
        for (int r = 0; r < repeat; r++) {
            html.add(time(report, MakeReport.Format.HTML));
            start = System.nanoTime();
            bytes = report.run(new MakeReport.Request(YEAR, Language.EN, MakeReport.Format.PDF))
                    .orElseThrow(f -> new IllegalStateException("no report: " + f.message())).content().length;
            pdf.add((System.nanoTime() - start) / 1e9);
        }
        return new Outcome(approve, publish, release.values(), html, pdf, bytes);
    }

    private static double time(MakeReport report, MakeReport.Format format) {
        long start = System.nanoTime();
        report.run(new MakeReport.Request(YEAR, Language.EN, format)).orElseThrow(f -> new IllegalStateException("no report: " + f.message()));
        return (System.nanoTime() - start) / 1e9;
    }
}
