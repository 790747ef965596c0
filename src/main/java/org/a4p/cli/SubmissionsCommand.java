package org.a4p.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "submissions", description = "Lists the submissions (one per imported file), newest first.")
final class SubmissionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only submissions of this record type.")
    String type;

    @Option(names = "--changes", paramLabel = "ID", description = "List the records that submission ID revised or retired.")
    Long changes;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many submissions (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        try (App app = Main.database(spec).open(); Connection connection = app.database().dataSource().getConnection()) {
            if (changes != null) {
                return listChanges(connection, out);
            }
            String sql = "SELECT id, submitted_at, record_type, file_name, layout, snapshot_date, rows_read, added, revised, unchanged,"
                    + " retired, warnings, synthetic, status, submitted_by, content_sha256 FROM submission"
                    + (type == null ? "" : " WHERE record_type = ?") + " ORDER BY id DESC";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                if (type != null) {
                    statement.setString(1, type);
                }
                statement.setMaxRows(limit);
                try (ResultSet rs = statement.executeQuery()) {
                    out.printf("%5s  %-19s  %-16s  %-40s  %-16s  %-10s  %8s  %7s  %7s  %9s  %7s  %8s  %-10s  %s%n", "id", "submitted at (UTC)",
                            "type", "file", "layout", "snapshot", "rows", "added", "revised", "unchanged", "retired", "warnings",
                            "status", "by");
                    int count = 0;
                    while (rs.next()) {
                        count++;
                        String file = rs.getString(4);
                        out.printf("%5d  %-19s  %-16s  %-40s  %-16s  %-10s  %8d  %7d  %7d  %9d  %7d  %8d  %-10s  %s%s%n", rs.getLong(1),
                                rs.getTimestamp(2).toInstant().toString().replace('T', ' ').replace("Z", ""), rs.getString(3),
                                file.length() > 40 ? file.substring(0, 37) + "..." : file, rs.getString(5),
                                rs.getObject(6) == null ? "" : rs.getObject(6).toString(), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                                rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getString(14), rs.getString(15),
                                rs.getBoolean(13) ? " (synthetic)" : "");
                    }
                    if (count == 0) {
                        out.println("No submissions yet. Load the demo with ./a4p demo, or import files with ./a4p import.");
                    }
                }
            }
            return Main.OK;
        }
    }

    private int listChanges(Connection connection, PrintWriter out) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT change_kind, record_key, fields_changed FROM submission_change WHERE submission_id = ? ORDER BY record_key")) {
            statement.setLong(1, changes);
            try (ResultSet rs = statement.executeQuery()) {
                int count = 0;
                while (rs.next()) {
                    count++;
                    String fields = rs.getString(3);
                    out.printf("%-8s %s%s%n", rs.getString(1), rs.getString(2), fields == null || fields.isEmpty() ? "" : "  (" + fields + ")");
                }
                if (count == 0) {
                    out.println("Submission " + changes + " revised or retired no stored record.");
                }
            }
        }
        return Main.OK;
    }
}
