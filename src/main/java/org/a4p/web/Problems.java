package org.a4p.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.validation.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.a4p.app.Failure;
import org.a4p.app.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper of the HTTP server: every failure becomes a problem document. A fault
 * of ours is a 500 whose body says only where to look (a reference into the log); its cause and
 * stack trace go to the log.
 */
final class Problems {
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final PageErrors pages;

    Problems(PageErrors pages) {
        this.pages = pages;
    }

    void register(JavalinConfig config) {
        config.routes.exception(HttpProblem.class, (problem, ctx) -> write(ctx, problem.problem(ctx.path())));
        config.routes.exception(FailedRequest.class, (failed, ctx) -> write(ctx, problem(failed.failure(), ctx.path())));
        config.routes.exception(HttpResponseException.class, this::httpResponse);
        config.routes.exception(ValidationException.class, this::validation);
        config.routes.exception(Exception.class, this::unexpected);
        config.router.javaLangErrorHandler(this::fatal);
    }

    private void httpResponse(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String title = HttpStatus.forStatus(status).getMessage();
        String detail;
        if (e instanceof NotFoundResponse) {
            detail = "Nothing is served at " + ctx.path() + ".";
        } else if (e instanceof MethodNotAllowedResponse) {
            String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().getOrDefault("Available methods", ""));
            ctx.header(Header.ALLOW, allowed);
            detail = ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed + ".";
        } else if (status >= 500) {
            detail = "The server could not answer this request.";
        } else {
            detail = e.getMessage();
        }
        write(ctx, new Problem(Problem.BLANK, title, status, detail, ctx.path(), null));
    }

    /** The one mapping of a use case's expected failure to a status. */
    static Problem problem(Failure failure, String instance) {
        int status = FailedRequest.status(failure);
        String kind = failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new Problem("urn:a4p:problem:" + kind, HttpStatus.forStatus(status).getMessage(), status, failure.message(), instance, null);
    }

    /** Javalin's typed parameters ({@code ctx.queryParamAsClass}) that fail to parse or check. */
    private void validation(ValidationException e, Context ctx) {
        List<ProblemError> errors = new ArrayList<>();
        e.getErrors().forEach((name, failures) -> failures.forEach(failure -> errors.add(ProblemError.parameter(name,
                failure.value == null ? null : String.valueOf(failure.value), expected(failure.getMessage())))));
        String names = String.join(", ", e.getErrors().keySet());
        write(ctx, new Problem("urn:a4p:problem:bad-parameter", "Bad parameter", 400,
                "parameter " + names + " did not pass its checks", ctx.path(), errors));
    }

    /** Javalin's codes in words; a check's own message is already words. */
    private static String expected(String message) {
        return switch (message) {
            case "TYPE_CONVERSION_FAILED" -> "expected a value of the parameter's type";
            case "NULLCHECK_FAILED" -> "expected a value";
            default -> message;
        };
    }

    private void unexpected(Exception e, Context ctx) {
        String unavailable = databaseUnavailable(e);
        if (unavailable != null) {
            // The database is away (restarting, say) or every connection busy: the pool recovers by itself.
            LOG.warn("{} {}: {} ({})", ctx.method(), ctx.path(), unavailable, HealthRoutes.rootMessage(e));
            ctx.header(Header.RETRY_AFTER, "5");
            write(ctx, HttpProblem.unavailable(unavailable + "; try again in a few seconds.").problem(ctx.path()));
            return;
        }
        write(ctx, fault(ctx.method() + " " + ctx.path(), e, ctx.path()));
    }

    /**
     * Why a failure is the database's absence, in words, else null: the driver reports a connection
     * exception (SQLSTATE class 08, or 57P01 admin shutdown), or the pool found no connection within
     * its timeout (with no cause of its own: every connection was busy).
     */
    static String databaseUnavailable(Throwable failure) {
        boolean poolTimedOut = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01"))) {
                return "The database is not reachable";
            }
            poolTimedOut |= cause instanceof java.sql.SQLTransientConnectionException;
        }
        return poolTimedOut ? "Every database connection is busy" : null;
    }

    private Problem fault(String request, Throwable cause, String instance) {
        String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        LOG.error("{} failed (reference {})", request, reference, cause);
        return new Problem(Problem.BLANK, "Internal Server Error", 500,
                "The server failed to answer this request; its log has the cause under reference " + reference + ".", instance, null);
    }

    private void fatal(HttpServletResponse response, Error error) {
        Problem problem = fault("a request", error, null);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(500);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getOutputStream().write(bytes(problem));
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not write the problem document", e);
        }
    }

    private void write(Context ctx, Problem problem) {
        if (pages.wants(ctx)) {
            try {
                ctx.status(problem.status()).html(pages.render(ctx, problem.status(), problem.detail()));
                return;
            } catch (RuntimeException e) {
                LOG.error("the error page of {} {} could not be rendered; a problem document is sent instead", ctx.method(), ctx.path(), e);
            }
        }
        ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(bytes(problem));
    }

    private static byte[] bytes(Problem problem) {
        try {
            return Json.mapper().writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings always serialises
        }
    }
}
