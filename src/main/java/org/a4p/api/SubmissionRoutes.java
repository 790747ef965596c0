package org.a4p.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import org.a4p.ingest.SubmitRecords;
import org.a4p.ingest.ViewSubmissions;
import org.a4p.web.FailedRequest;
import org.a4p.web.HttpProblem;
import org.a4p.web.Uploads;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;

/**
 * {@code /api/v1/submissions}: send a file (multipart part {@code file}: CSV, XLSX or JSON) or a
 * JSON array of records as the body; list the submissions; one with what it changed; and the
 * workflow's steps on one ({@code submit}, {@code approve}, {@code return}, {@code reopen}).
 */
final class SubmissionRoutes {
    /** The most bytes one upload may hold; a mission's monthly file is far smaller. */
    static final int MAX_UPLOAD = Uploads.MAX_BYTES;
    /** The name a JSON body goes by in row errors. */
    static final String BODY_NAME = "request.json";
    static final int DEFAULT_LIMIT = 50;

    private final SubmitRecords submit;
    private final ViewSubmissions view;
    private final ChangeSubmissionStatus workflow;

    SubmissionRoutes(SubmitRecords submit, ViewSubmissions view, ChangeSubmissionStatus workflow) {
        this.submit = submit;
        this.view = view;
        this.workflow = workflow;
    }

    /** The body of a step that takes a reason; approve and submit take none. */
    record StepBody(String reason) {}

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/api/v1/submissions", this::submit);
        routes.get("/api/v1/submissions", this::list);
        routes.get("/api/v1/submissions/{id}", this::one);
        for (Step step : Step.values()) {
            routes.post("/api/v1/submissions/{id}/" + step.code(), ctx -> step(ctx, step));
        }
    }

    private void step(Context ctx, Step step) {
        Params.only(ctx);
        long id = Params.pathId(ctx, "id");
        String reason = null;
        if (step.needsReason()) {
            reason = Bodies.json(ctx, StepBody.class, "a JSON object {\"reason\": \"what must change and why\"}").reason();
        }
        ApiCaller caller = ApiCaller.of(ctx);
        ctx.json(workflow.run(new ChangeSubmissionStatus.Request(id, step, Actor.of(caller.user()), reason)).orElseThrow(FailedRequest::new));
    }

    private void submit(Context ctx) throws IOException {
        Params.only(ctx, "type", "layout", "draft");
        String type = Params.text(ctx, "type");
        if (type == null) {
            throw HttpProblem.badParameter("type", null, "expected the record type of the rows, such as fatality");
        }
        String fileName;
        byte[] bytes;
        if (ctx.contentLength() > MAX_UPLOAD + 64 * 1024) {
            throw HttpProblem.tooLarge("Expected an upload of at most " + MAX_UPLOAD / (1024 * 1024) + " MiB.");
        }
        if (ctx.isMultipartFormData()) {
            UploadedFile upload = filePart(ctx);
            if (upload == null) {
                throw HttpProblem.badBody("Expected a multipart part named 'file' holding a CSV, XLSX or JSON file.");
            }
            fileName = fileName(upload.filename());
            try (InputStream in = upload.content()) {
                bytes = Bodies.bounded(in, MAX_UPLOAD, "a file");
            }
        } else {
            Bodies.requireJson(ctx);
            fileName = BODY_NAME;
            bytes = Bodies.read(ctx, MAX_UPLOAD, "a JSON body");
        }
        ApiCaller caller = ApiCaller.of(ctx);
        SubmitRecords.Result result = submit.run(new SubmitRecords.Request(caller.name(),
                caller.scopedToMissions() ? caller.missionScope() : null, type, Params.text(ctx, "layout"), fileName, bytes,
                Params.flag(ctx, "draft")));
        if (result instanceof SubmitRecords.Submitted submitted) {
            ctx.status(201).header("Location", "/api/v1/submissions/" + submitted.submission().id()).json(submitted.submission());
        } else if (result instanceof SubmitRecords.RowsRefused refused) {
            throw HttpProblem.invalidRows(refused.fileName() + ": " + refused.errorCount() + (refused.errorCount() == 1 ? " error" : " errors")
                    + (refused.outsideScope() ? " (rows of missions not yours)" : "") + "; nothing was written"
                    + (refused.errors().size() < refused.errorCount() ? " (the first " + refused.errors().size() + " listed)" : "") + ".",
                    refused.errors());
        } else {
            throw new FailedRequest(((SubmitRecords.Refused) result).failure());
        }
    }

    /** Jetty refuses a multipart body it cannot parse, or a part over the bound, with a servlet exception: a 400 or 413, not a fault. */
    private static UploadedFile filePart(Context ctx) {
        try {
            return ctx.uploadedFile("file");
        } catch (Exception e) { // Kotlin rethrows the servlet's checked exception undeclared
            ctx.header("Connection", "close"); // the rest of the body is unread: the connection cannot carry another request
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null && cause.getMessage().contains("max file size exceeded")) {
                    throw HttpProblem.tooLarge("Expected a file of at most " + MAX_UPLOAD / (1024 * 1024) + " MiB.");
                }
            }
            throw HttpProblem.badBody("Expected a multipart/form-data body with a part named 'file'; this one does not parse.");
        }
    }

    private void list(Context ctx) {
        Params.only(ctx, "type", "limit");
        Integer limit = Params.integer(ctx, "limit", 1, 10_000, "expected a whole number from 1 to 10000");
        ctx.json(view.list(viewer(ctx), Params.text(ctx, "type"), limit == null ? DEFAULT_LIMIT : limit).orElseThrow(FailedRequest::new));
    }

    private void one(Context ctx) {
        Params.only(ctx);
        ctx.json(view.one(viewer(ctx), Params.pathId(ctx, "id")).orElseThrow(FailedRequest::new));
    }

    private static ViewSubmissions.Viewer viewer(Context ctx) {
        ApiCaller caller = ApiCaller.of(ctx);
        return new ViewSubmissions.Viewer(caller.name(), caller.scopedToMissions() ? caller.missionScope() : null);
    }

    /** The name without any folder a browser sends, control characters or excess length; its extension picks the reader. */
    static String fileName(String sent) {
        return Uploads.fileName(sent);
    }
}
