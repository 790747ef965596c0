package org.a4p.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All SQL on {@code audit_entry} and {@code audit_head}, on the caller's connection and in its
 * transaction. Plain JDBC: appends run inside other features' transactions, whichever library opened them.
 */
final class AuditStore {
    private static final String COLUMNS = "seq, at, actor, action, target, before_json, after_json, prev_hash, entry_hash";

    /** The head row and the highest stored seq, read in one statement so that they agree. */
    record HeadState(AuditEntry.Head head, long maxSeq, long entries) {}

    /** The filters of a query; null for none. {@code actionPrefix} ends with a dot. */
    record Filter(Instant since, String actor, String action, String actionPrefix, int limit, boolean newestFirst) {}

    private final Connection connection;

    AuditStore(Connection connection) {
        this.connection = connection;
    }

    /** Locks the head until the transaction ends: every other append waits here. */
    AuditEntry.Head lockHead() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT seq, entry_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_head has no row: the audit trail's migration did not run, or its head was deleted");
            }
            return new AuditEntry.Head(rs.getLong(1), rs.getString(2).trim());
        }
    }

    Optional<HeadState> headState() throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT h.seq, h.entry_hash, (SELECT MAX(seq) FROM audit_entry), (SELECT COUNT(*) FROM audit_entry)
                FROM audit_head h WHERE h.id = 1""");
                ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new HeadState(new AuditEntry.Head(rs.getLong(1), rs.getString(2).trim()), rs.getLong(3), rs.getLong(4)));
        }
    }

    void insert(AuditEntry entry) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO audit_entry (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, entry.seq());
            st.setObject(2, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            st.setString(3, entry.actor());
            st.setString(4, entry.action());
            st.setString(5, entry.target());
            st.setString(6, CanonicalForm.json(entry.before()));
            st.setString(7, CanonicalForm.json(entry.after()));
            st.setString(8, entry.prevHash());
            st.setString(9, entry.entryHash());
            st.executeUpdate();
        }
    }

    void moveHead(AuditEntry.Head head) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("UPDATE audit_head SET seq = ?, entry_hash = ? WHERE id = 1")) {
            st.setLong(1, head.seq());
            st.setString(2, head.entryHash());
            st.executeUpdate();
        }
    }

    /** Up to {@code size} entries after seq {@code after} and up to seq {@code upTo}, in seq order: one page of a walk. */
    List<AuditEntry> page(long after, long upTo, int size) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?")) {
            st.setLong(1, after);
            st.setLong(2, upTo);
            st.setInt(3, size);
            return read(st);
        }
    }

    Optional<AuditEntry> find(long seq) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry WHERE seq = ?")) {
            st.setLong(1, seq);
            return read(st).stream().findFirst();
        }
    }

    Optional<AuditEntry> lastOf(String action) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM audit_entry WHERE action = ? ORDER BY seq DESC LIMIT 1")) {
            st.setString(1, action);
            return read(st).stream().findFirst();
        }
    }

    List<AuditEntry> query(Filter filter) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (filter.since() != null) {
            sql.append(" AND at >= ?");
            arguments.add(OffsetDateTime.ofInstant(filter.since(), ZoneOffset.UTC));
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            arguments.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            arguments.add(filter.action());
        }
        if (filter.actionPrefix() != null) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
            arguments.add(filter.actionPrefix().replace("!", "!!").replace("_", "!_").replace("%", "!%") + "%");
        }
        sql.append(" ORDER BY seq ").append(filter.newestFirst() ? "DESC" : "ASC").append(" LIMIT ?");
        arguments.add(filter.limit());
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < arguments.size(); i++) {
                st.setObject(i + 1, arguments.get(i));
            }
            return read(st);
        }
    }

    private static List<AuditEntry> read(PreparedStatement st) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                        CanonicalForm.parse(rs.getString(6)), CanonicalForm.parse(rs.getString(7)), trim(rs.getString(8)),
                        trim(rs.getString(9))));
            }
        }
        return out;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }
}
