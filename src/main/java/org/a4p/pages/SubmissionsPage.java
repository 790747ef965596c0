package org.a4p.pages;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.i18n.Messages;
import org.a4p.ingest.ListSubmissions;
import org.a4p.ingest.SubmissionSummary;
import org.a4p.ingest.ViewSubmissions;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.a4p.workflow.SubmissionStatus;

/**
 * {@code /data/submissions}: the submissions the viewer may see (a mission officer its missions'
 * only), newest first, with the workflow's steps its role allows as forms; one submission with
 * what it changed. Each step goes through {@link ChangeSubmissionStatus}, as the API's and the
 * command line's do.
 */
public final class SubmissionsPage implements PageRoutes.PageTable {
    static final int LISTED = 200;
    /** Changed records listed on a submission's page; the rest are counted. */
    static final int CHANGES_LISTED = 500;

    public record Listing(List<Item> submissions, String type, List<Choices.Option> types, String done) {}

    /** A submission with the steps the viewer may take on it now. */
    public record Item(SubmissionSummary submission, String statusLabel, List<String> steps) {}

    public record Detail(Item item, List<Change> changes, int changeCount, String done, String problem, String reason,
            List<IssueRows.Row> warnings, List<String> implausible, String reportKey) {}

    public record Change(String kind, String recordKey, String fields) {}

    private final PageFrame frame;
    private final ViewSubmissions view;
    private final ChangeSubmissionStatus workflow;
    private final UploadReports reports;
    private final List<Choices.Option> types;

    SubmissionsPage(App app, PageFrame frame, UploadReports reports) {
        this.frame = frame;
        this.view = new ViewSubmissions(app.pack(), app.database());
        this.workflow = app.workflow();
        this.reports = reports;
        this.types = app.pack().recordTypes().values().stream().filter(type -> !type.reporting().system())
                .map(type -> new Choices.Option(type.id(), type.name(), null)).sorted(java.util.Comparator.comparing(Choices.Option::code)).toList();
    }

    @Override
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/data/submissions", this::list);
        routes.get("/data/submissions/{id}", ctx -> one(ctx, null, null, HttpStatus.OK));
        routes.post("/data/submissions/{id}/{step}", this::step);
    }

    private void list(Context ctx) {
        Viewer viewer = PageFrame.require(ctx, UploadPage.SENDERS);
        Messages words = PageFrame.words(ctx);
        String type = ctx.queryParam("type");
        if (type != null && (type.isBlank() || types.stream().noneMatch(option -> option.code().equals(type)))) {
            throw HttpProblem.badParameter("type", type.isBlank() ? null : type, words.get("data.submissions.bad_type"));
        }
        List<SubmissionSummary> found = PageFrame.ok(view.list(scope(viewer), type, LISTED));
        Listing listing = new Listing(found.stream().map(submission -> item(viewer, words, submission)).toList(), type, types,
                done(ctx, words));
        Page page = frame.page(ctx, words.get("data.submissions.title"), "data");
        PageFrame.send(ctx, "submissions.jte", "page", page, "listing", listing);
    }

    private void one(Context ctx, String problem, String reason, HttpStatus status) {
        Viewer viewer = PageFrame.require(ctx, UploadPage.SENDERS);
        Messages words = PageFrame.words(ctx);
        ListSubmissions.Changes found = PageFrame.ok(view.one(scope(viewer), id(ctx)));
        List<Change> changes = found.changes().stream().limit(CHANGES_LISTED)
                .map(change -> new Change(change.kind(), change.recordKey(), String.join(", ", change.fieldsChanged()))).toList();
        UploadReports.Report report = reports.find(ctx.queryParam("report"), viewer.name()).orElse(null);
        Detail detail = new Detail(item(viewer, words, found.submission()), changes, found.changes().size(),
                ctx.queryParam("sent") != null ? words.get("data.submission.sent") : done(ctx, words), problem, reason,
                report == null ? List.of() : IssueRows.rows(report.warnings()),
                report == null ? List.of() : IssueRows.implausible(report.warnings()), report == null ? null : ctx.queryParam("report"));
        ctx.status(status);
        Page page = frame.page(ctx, words.get("data.submission.title", found.submission().id()), "data");
        PageFrame.send(ctx, "submission.jte", "page", page, "detail", detail);
    }

    private void step(Context ctx) {
        Viewer viewer = PageFrame.require(ctx, UploadPage.SENDERS);
        Step step = Arrays.stream(Step.values()).filter(s -> s.code().equals(ctx.pathParam("step"))).findFirst()
                .orElseThrow(() -> HttpProblem.badParameter("step", ctx.pathParam("step"), "expected submit, approve, return or reopen"));
        String reason = ctx.formParam("reason");
        Outcome<SubmissionSummary> outcome = workflow.run(new ChangeSubmissionStatus.Request(id(ctx), step, Actor.of(viewer.user()),
                step.needsReason() ? reason : null));
        if (outcome instanceof Outcome.Failed<SubmissionSummary> failed) {
            Failure failure = failed.failure();
            if (failure.kind() == Failure.Kind.NOT_FOUND) {
                throw new FailedRequest(failure);
            }
            one(ctx, failure.message(), reason, HttpStatus.forStatus(FailedRequest.status(failure)));
            return;
        }
        String back = "list".equals(ctx.formParam("back")) ? "/data/submissions" : "/data/submissions/" + id(ctx);
        ctx.redirect(back + "?done=" + step.code(), HttpStatus.SEE_OTHER);
    }

    /** The steps the viewer's role may take from the submission's status; nobody approves their own. */
    static Item item(Viewer viewer, Messages words, SubmissionSummary submission) {
        SubmissionStatus status = SubmissionStatus.ofCode(submission.status()).orElse(SubmissionStatus.REJECTED);
        List<String> steps = Arrays.stream(Step.values())
                .filter(step -> step.from().contains(status) && step.allows(viewer.user().role()))
                .filter(step -> step != Step.APPROVE || !ownDecision(viewer, submission))
                .map(Step::code).toList();
        return new Item(submission, words.get("submission.status." + submission.status()), steps);
    }

    private static boolean ownDecision(Viewer viewer, SubmissionSummary submission) {
        return submission.submittedBy().equals(viewer.name())
                || submission.decision() != null && submission.decision().by().equals(viewer.name())
                && SubmissionStatus.SUBMITTED.code().equals(submission.status());
    }

    /** The flash after a redirect: a step's code, said in words; anything else is ignored. */
    private static String done(Context ctx, Messages words) {
        String done = ctx.queryParam("done");
        return done != null && Arrays.stream(Step.values()).anyMatch(step -> step.code().equals(done))
                ? words.get("data.submission.done." + done) : null;
    }

    static ViewSubmissions.Viewer scope(Viewer viewer) {
        return new ViewSubmissions.Viewer(viewer.name(), UploadPage.scoped(viewer) ? viewer.user().missions() : null);
    }

    private static long id(Context ctx) {
        String value = ctx.pathParam("id");
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw HttpProblem.badParameter("id", value, "expected a positive whole number");
    }
}
