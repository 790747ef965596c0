package org.a4p.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutionException;
import org.a4p.db.Database;
import org.a4p.db.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}: the process is up. {@code /ready}: its database answers and is migrated. */
final class HealthRoutes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    /** A probe must answer fast even when the database hangs (the pool would wait 30 s). */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(3);

    record Status(String status) {}

    private final Database database;
    // One checker thread: probes that pile up while the database hangs wait here, not in the pool.
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "a4p-ready-check");
        thread.setDaemon(true);
        return thread;
    });

    HealthRoutes(Database database) {
        this.database = database;
    }

    void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(new Status("up")));
        routes.get("/ready", this::ready);
    }

    private void ready(Context ctx) {
        Readiness readiness = check();
        if (!readiness.ready()) {
            // Probes repeat every few seconds: one line each, the stack trace at debug level.
            LOG.warn("not ready: {}{}", readiness.detail(), readiness.cause() == null ? "" : " (" + rootMessage(readiness.cause()) + ")");
            LOG.debug("not ready", readiness.cause());
            ctx.header("Retry-After", "5");
            throw HttpProblem.unavailable("Not ready: " + readiness.detail() + ".");
        }
        ctx.json(new Status("ready"));
    }

    /** The message of the innermost cause, else its class name. */
    static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private Readiness check() {
        Future<Readiness> answer = checker.submit(database::readiness);
        try {
            return answer.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Readiness(false, "the database did not answer within " + READY_TIMEOUT.toSeconds() + " s", null);
        } catch (ExecutionException e) {
            return new Readiness(false, "the database is not reachable", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(false, "the check was interrupted", null);
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
