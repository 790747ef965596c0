package org.a4p.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.a4p.access.Accounts;
import org.a4p.access.AddUser;
import org.a4p.access.DisableUser;
import org.a4p.access.IssueToken;
import org.a4p.access.Login;
import org.a4p.db.Database;
import org.a4p.support.Fixtures;

/** Small named factories for the audit tests: a chain made by real use cases, raw SQL to tamper with it. */
final class AuditChains {
    static final String PASSWORD = "lantern orchard vinegar";
    static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

    private AuditChains() {}

    /** A clock that ticks 1.5 s per reading, so entries' times differ and carry milliseconds. */
    static Clock ticking() {
        return new Clock() {
            private long readings;

            @Override
            public synchronized Instant instant() {
                return START.plus(Duration.ofMillis(1_500 * readings++));
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Empties the trail: each test builds its own chain on the class's database. */
    static void reset(Database database) throws SQLException {
        execute(database, "DELETE FROM audit_entry");
        execute(database, "UPDATE audit_head SET seq = 0, entry_hash = '" + CanonicalForm.GENESIS + "'");
    }

    /**
     * Seven entries made by the accounts: user.add (2), login.failure, login.success, token.issue,
     * user.disable, request.denied; returns the accounts for more.
     */
    static Accounts sevenRealEntries(Database database, AuditTrail trail, String prefix) {
        Accounts accounts = new Accounts(database.jdbi(), Fixtures.pack().orgUnits(), ticking(), trail);
        require(accounts.addUser().run(new AddUser.Request("cli:auditor", prefix + "ana", "mission_officer", List.of("MINUSCA"), PASSWORD)));
        require(accounts.addUser().run(new AddUser.Request("cli:auditor", prefix + "ben", "analyst", List.of(), PASSWORD)));
        require(accounts.login().run(new Login.Request(prefix + "ana", "not the password at all")));
        require(accounts.login().run(new Login.Request(prefix + "ben", PASSWORD)));
        require(accounts.issueToken().run(new IssueToken.Request("cli:auditor", prefix + "ben", Duration.ofDays(30))));
        require(accounts.disableUser().run(new DisableUser.Request("cli:auditor", prefix + "ana")));
        accounts.reportDenial().run(new org.a4p.access.ReportDenial.Request(prefix + "ben", "GET:/api/v1/users", "role_analyst"));
        return accounts;
    }

    private static void require(Object result) {
        if (result instanceof org.a4p.access.Refusal refusal) {
            throw new IllegalStateException("set-up refused: " + refusal.failure().message());
        }
    }

    static void execute(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement st = connection.createStatement()) {
            st.executeUpdate(sql);
        }
    }

    static long count(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<Long> seqs(Database database) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT seq FROM audit_entry ORDER BY seq")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** Every stored column of every entry, one line each: what a scan for secrets reads. */
    static List<String> rawRows(Database database) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection(); Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM audit_entry ORDER BY seq")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append(" | ");
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static String hashOf(Database database, long seq) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement st = connection.prepareStatement("SELECT entry_hash FROM audit_entry WHERE seq = ?")) {
            st.setLong(1, seq);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    static VerifyAudit.Report verify(Database database, String expect) {
        return new VerifyAudit(database.dataSource()).run(new VerifyAudit.Request(expect)).orElseThrow(f -> new IllegalStateException(f.message()));
    }
}
