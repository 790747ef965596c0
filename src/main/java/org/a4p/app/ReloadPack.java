package org.a4p.app;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import org.a4p.access.Role;
import org.a4p.audit.RecordPackLoad;
import org.a4p.pack.Pack;
import org.a4p.pack.PackException;
import org.a4p.pack.PackProblem;
import org.a4p.workflow.Actor;
import org.a4p.workflow.LockStore;

/**
 * Reloads the running app's pack from where it started (its {@code --pack} folder, or the bundled
 * pack): loads and checks it (a broken pack is refused, the old one stays in service), waits for the
 * runs in flight under the old pack, recomputes every indicator under the new one in one transaction
 * that holds every record type's guard (so no import or workflow step of any process writes meanwhile),
 * then puts the new pack in service and on the audit trail. Admins only, or the operator.
 */
public final class ReloadPack {
    /** The pack now in service, its generation, and how many values the refresh wrote. */
    public record Reloaded(String pack, String version, String digest, long generation, int values, boolean recorded) {}

    private final App app;
    private final Path packFolder;

    public ReloadPack(App app) {
        this.app = app;
        this.packFolder = app.packFolder();
    }

    public Outcome<Reloaded> run(Actor actor) {
        if (actor.role() != null && actor.role() != Role.ADMIN) {
            return Outcome.failed(new Failure(Failure.Kind.FORBIDDEN, "a " + actor.role().code() + " may not reload the pack; admins do"));
        }
        Pack next;
        try {
            next = App.loadPack(packFolder);
        } catch (PackException e) {
            return Outcome.failed(refused(e.problems()));
        } catch (UncheckedIOException e) {
            return Outcome.failed(new Failure(Failure.Kind.REJECTED, "the pack " + source() + " cannot be read: " + e.getMessage()
                    + "; the pack in service stays"));
        }
        int[] written = new int[1];
        boolean[] recorded = new boolean[1];
        PackRuntime runtime;
        try {
            runtime = app.replace(next, fresh -> {
                written[0] = refreshAndRecord(fresh, actor.name(), recorded);
            });
        } catch (SQLException e) {
            throw new org.a4p.records.StoreException("the pack was not reloaded, the values were not recomputed (the pack in service stays): "
                    + e.getMessage(), e);
        }
        return Outcome.ok(new Reloaded(next.id(), next.version(), next.digest(), runtime.number(), written[0], recorded[0]));
    }

    /** Every value recomputed under the next pack, and the load on the audit trail, in one transaction. */
    private int refreshAndRecord(PackRuntime next, String actor, boolean[] recorded) throws SQLException {
        try (Connection connection = app.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                new LockStore().guardAll(connection);
                int values = next.engine().refreshAll(connection).written();
                recorded[0] = new RecordPackLoad(app.audit(), app.database().dataSource()).run(connection, next.pack(), actor).isPresent();
                connection.commit();
                return values;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private Failure refused(List<PackProblem> problems) {
        return new Failure(Failure.Kind.REJECTED, "the pack " + source() + " has " + problems.size() + " problem(s), the pack in service stays: "
                + problems.stream().map(PackProblem::toString).collect(Collectors.joining("; ")));
    }

    private String source() {
        return packFolder == null ? "bundled with the server" : "in " + packFolder;
    }
}
