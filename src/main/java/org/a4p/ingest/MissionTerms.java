package org.a4p.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.audit.AuditEvent;
import org.a4p.audit.AuditTrail;
import org.a4p.db.Database;
import org.a4p.ingest.read.ReadException;
import org.a4p.ingest.read.SourceRow;
import org.a4p.ingest.read.TableReaders;
import org.a4p.ingest.read.TableSource;
import org.a4p.pack.CodeList;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.StoreException;

/**
 * A mission's own term list for flagging media items, loaded from a file with the columns
 * language, term, category and severity. Every row is checked; a file with any error loads nothing.
 */
public final class MissionTerms {
    private final Database database;
    private final Pack pack;
    private final AuditTrail audit;

    public MissionTerms(Database database, Pack pack, AuditTrail audit) {
        this.database = database;
        this.pack = pack;
        this.audit = audit;
    }

    /** What a load did: the terms written, or every error found. */
    public record Result(int loaded, int replaced, List<RowIssue> errors) {}

    /** Load the file's terms for the mission; with {@code replace}, the mission's earlier list goes. */
    public record Request(String mission, Path file, boolean replace, String user) {}

    /** Use case: loads a mission's term list; every row error is in the result, and then nothing is loaded. */
    public Outcome<Result> run(Request request) {
        if (pack.orgUnits().mission(request.mission()).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown mission '" + request.mission() + "'"));
        }
        if (!Files.isRegularFile(request.file())) {
            return Outcome.failed(Failure.invalid("no such file: " + request.file()));
        }
        return Outcome.ok(load(request.mission(), request.file(), request.replace(), request.user()));
    }

    private Result load(String mission, Path file, boolean replace, String user) {
        RecordType type = pack.recordTypes().values().stream().filter(t -> t.flagging() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no record type of the pack is flagged from a term list"));
        CodeList languages = pack.codeLists().get(type.field(type.flagging().languageField()).orElseThrow().codeList());
        CodeList categories = pack.codeLists().get(type.field(type.flagging().categoryField()).orElseThrow().codeList());
        String name = file.getFileName().toString();
        List<RowIssue> errors = new ArrayList<>();
        List<TermFlagger.Term> terms = new ArrayList<>();
        try (TableSource source = TableReaders.open(file)) {
            List<String> header = source.header();
            int[] columns = new int[4];
            String[] wanted = {"language", "term", "category", "severity"};
            for (int i = 0; i < wanted.length; i++) {
                columns[i] = header.indexOf(wanted[i]);
                if (columns[i] < 0) {
                    errors.add(new RowIssue(name, 0, null, null, "the header lacks the column '" + wanted[i]
                            + "': expected language, term, category, severity"));
                }
            }
            if (!errors.isEmpty()) {
                return new Result(0, 0, errors);
            }
            Set<String> seen = new HashSet<>();
            while (source.hasNext()) {
                SourceRow row = source.next();
                String language = trim(row.value(columns[0]));
                String term = trim(row.value(columns[1]));
                String category = trim(row.value(columns[2]));
                String severity = trim(row.value(columns[3]));
                int before = errors.size();
                if (!languages.contains(language)) {
                    errors.add(new RowIssue(name, row.rowNumber(), "language", language, "expected one of " + languages.codes()));
                }
                if (term.isEmpty() || term.length() > 400) {
                    errors.add(new RowIssue(name, row.rowNumber(), "term", term, "expected a word or phrase of 1 to 400 characters"));
                }
                if (!categories.contains(category) || category.equals("none")) {
                    errors.add(new RowIssue(name, row.rowNumber(), "category", category, "expected one of "
                            + categories.codes().stream().filter(c -> !c.equals("none")).toList()));
                }
                if (!severity.matches("[123]")) {
                    errors.add(new RowIssue(name, row.rowNumber(), "severity", severity, "expected 1 (low), 2 (medium) or 3 (high)"));
                }
                if (errors.size() == before && !seen.add(language + '\u001f' + TermFlagger.normalize(term))) {
                    errors.add(new RowIssue(name, row.rowNumber(), "term", term, "expected each term once per language"));
                }
                if (errors.size() == before) {
                    terms.add(new TermFlagger.Term(language, term, category, Integer.parseInt(severity)));
                }
            }
        } catch (ReadException e) {
            errors.add(new RowIssue(name, e.row(), null, null, e.detail()));
        }
        if (!errors.isEmpty()) {
            return new Result(0, 0, errors);
        }
        return write(mission, terms, replace, user);
    }

    private Result write(String mission, List<TermFlagger.Term> terms, boolean replace, String user) {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            int replaced = 0;
            if (replace) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mission_term WHERE mission = ?")) {
                    delete.setString(1, mission);
                    replaced = delete.executeUpdate();
                }
            } else {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM mission_term WHERE mission = ? AND language = ? AND term = ?")) {
                    for (TermFlagger.Term term : terms) {
                        delete.setString(1, mission);
                        delete.setString(2, term.language());
                        delete.setString(3, term.term());
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mission_term (mission, language, term, category, severity, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (TermFlagger.Term term : terms) {
                    insert.setString(1, mission);
                    insert.setString(2, term.language());
                    insert.setString(3, term.term());
                    insert.setString(4, term.category());
                    insert.setInt(5, term.severity());
                    insert.setString(6, user);
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            audit.append(connection, AuditEvent.of(user, "terms.load", "mission:" + mission, null,
                    java.util.Map.of("terms", terms.size(), "replaced", replaced, "replace_all", replace)));
            connection.commit();
            return new Result(terms.size(), replaced, List.of());
        } catch (SQLException e) {
            throw new StoreException("the term list was not loaded: " + e.getMessage(), e);
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
