package org.a4p.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.a4p.app.Json;
import org.a4p.pack.Pack;

/**
 * Puts a {@code pack.load} entry on the audit trail when the app starts on (or reloads) a pack whose content
 * differs from the last one recorded: the pack decides what is valid and how indicators are computed,
 * so a changed pack is a change like any other.
 */
public final class RecordPackLoad {
    static final String ACTION = "pack.load";

    private final AuditTrail audit;
    private final DataSource dataSource;

    public RecordPackLoad(AuditTrail audit, DataSource dataSource) {
        this.audit = audit;
        this.dataSource = dataSource;
    }

    /** The entry appended, or empty when the pack is the one last recorded. */
    public Optional<AuditEntry> run(Pack pack) {
        return run(pack, "system");
    }

    /** The same for a load someone asked for (a reload of the running server's pack), on record under their name. */
    public Optional<AuditEntry> run(Pack pack, String actor) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Optional<AuditEntry> appended = run(connection, pack, actor);
                connection.commit();
                return appended;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AuditException("cannot record the pack on the audit trail: " + e.getMessage(), e);
        }
    }

    /** The same inside the caller's transaction (a reload records the pack with the values it recomputed). */
    public Optional<AuditEntry> run(Connection connection, Pack pack, String actor) throws SQLException {
        AuditStore store = new AuditStore(connection);
        store.lockHead(); // before reading the last load, so two instances starting at once record it once
        Optional<AuditEntry> last = store.lastOf(ACTION);
        Map<String, Object> now = state(pack);
        if (last.isEmpty() || last.get().after() == null || !pack.digest().equals(last.get().after().path("digest").asText())) {
            return Optional.of(audit.append(connection, new AuditEvent(actor, ACTION, "pack:" + pack.id(),
                    last.map(AuditEntry::after).orElse(null), Json.mapper().valueToTree(now))));
        }
        return Optional.empty();
    }

    private static Map<String, Object> state(Pack pack) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("pack", pack.id());
        state.put("version", pack.version());
        state.put("digest", pack.digest());
        return state;
    }
}
