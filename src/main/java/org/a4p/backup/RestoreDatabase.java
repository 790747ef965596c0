package org.a4p.backup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.audit.VerifyAudit;
import org.a4p.db.Database;
import org.a4p.ingest.Progress;
import org.a4p.pack.Pack;
import org.a4p.records.RecordTables;

/**
 * Loads a backup into an empty database, all or nothing: every table in one transaction, which
 * commits only when each table's row count and SHA-256 match the manifest, so a damaged file or a
 * failure midway leaves the target as empty as it was. Then the identity counters go on after the
 * restored ids and the audit chain is verified.
 */
public final class RestoreDatabase {
    /** Tables that migrations and the app's start seed with a row or more: "empty" allows those, and the restore replaces them. */
    static final Set<String> SEEDED = Set.of("release_counter", "audit_head", "record_type_guard");
    private static final int BATCH = 1_000;
    /** The rows stream stays open at the end of its JSON: the hash reads it to the end. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    public record Request(Path file) {}

    public record Restored(Path file, int tables, long rows, String schemaVersion, VerifyAudit.Report audit) {}

    private final Pack pack;
    private final Database database;

    /** {@code database} is opened as the app opens it (migrated to this build's schema), and not started as an app: that writes to the audit trail. */
    public RestoreDatabase(Pack pack, Database database) {
        this.pack = pack;
        this.database = database;
    }

    public Outcome<Restored> run(Request request, Progress progress) {
        Outcome<BackupFile> opened = BackupFile.open(request.file());
        if (opened instanceof Outcome.Failed<BackupFile> failed) {
            return Outcome.failed(failed.failure());
        }
        try (BackupFile backup = ((Outcome.Ok<BackupFile>) opened).value()) {
            return restore(backup, progress);
        } catch (SQLException e) {
            return Outcome.failed(new Failure(Failure.Kind.REJECTED, "cannot restore " + request.file() + " into " + database.label() + ": "
                    + e.getMessage() + ". Nothing was restored."));
        } finally {
            progress.done();
        }
    }

    private Outcome<Restored> restore(BackupFile backup, Progress progress) throws SQLException {
        Manifest manifest = backup.manifest();
        String ours = database.schemaVersion();
        if (!manifest.schemaVersion().equals(ours)) {
            boolean newer = compareVersions(manifest.schemaVersion(), ours) > 0;
            return conflict(backup.path() + " was taken at schema version " + manifest.schemaVersion() + ", this build's is " + ours + ": "
                    + (newer ? "restore it with a build at least as new as the one that took it"
                            : "restore it with the build that took it, then start this build on it, which migrates it"));
        }
        if (!manifest.packDigest().equals(pack.digest())) {
            return conflict(backup.path() + " was taken with pack " + manifest.packId() + " " + manifest.packVersion() + " (digest "
                    + manifest.packDigest().substring(0, 12) + "...), this app runs pack " + pack.id() + " " + pack.version() + " (digest "
                    + pack.digest().substring(0, 12) + "...): restore with the pack it was taken with (--pack DIR)");
        }
        try (Connection connection = database.dataSource().getConnection()) {
            TableStore store = new TableStore(connection, database.dialect());
            List<String> holding = new ArrayList<>();
            for (TableStore.TableShape table : store.tables()) {
                if (!SEEDED.contains(table.name()) && !store.isEmpty(table.name())) {
                    holding.add(table.name());
                }
            }
            if (!holding.isEmpty()) {
                return conflict(database.label() + " already holds data (in " + String.join(", ", holding.subList(0, Math.min(5, holding.size())))
                        + (holding.size() > 5 ? " and " + (holding.size() - 5) + " more tables" : "") + "): a backup is restored only into"
                        + " an empty database, never merged. Give --db a new folder or an empty PostgreSQL database. Nothing was changed.");
            }
            new RecordTables(database).ensure(pack.recordTypes().values());
            List<TableStore.TableShape> tables = store.tables();
            Map<String, TableStore.TableShape> target = tables.stream()
                    .collect(Collectors.toMap(TableStore.TableShape::name, Function.identity()));
            for (Manifest.Table table : manifest.tables()) {
                if (!target.containsKey(table.name())) {
                    return rejected(backup.path() + " holds table " + table.name() + ", which " + database.label() + " does not have. Nothing was restored.");
                }
            }
            Outcome<Void> loaded = loadAll(backup, store, connection, tables, progress);
            if (loaded instanceof Outcome.Failed<Void> failed) {
                return Outcome.failed(failed.failure());
            }
            for (Manifest.Table table : manifest.tables()) {
                for (String column : target.get(table.name()).identity()) {
                    store.restartIdentity(table.name(), column);
                }
            }
        }
        VerifyAudit.Report audit = new VerifyAudit(database.dataSource()).run(new VerifyAudit.Request(null))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        return Outcome.ok(new Restored(backup.path(), manifest.tables().size(), manifest.totalRows(), manifest.schemaVersion(), audit));
    }

    /**
     * One transaction over every table, in the order the target's foreign keys need (its own order,
     * not the file's): the target holds the whole backup or nothing of it.
     */
    private Outcome<Void> loadAll(BackupFile backup, TableStore store, Connection connection, List<TableStore.TableShape> tables,
            Progress progress) throws SQLException {
        Map<String, Manifest.Table> byName = backup.manifest().tables().stream()
                .collect(Collectors.toMap(Manifest.Table::name, Function.identity()));
        long total = backup.manifest().totalRows();
        long[] done = {0};
        connection.setAutoCommit(false);
        try {
            for (String seeded : SEEDED) {
                if (byName.containsKey(seeded)) {
                    store.deleteAll(seeded);
                }
            }
            for (TableStore.TableShape shape : tables) {
                Manifest.Table table = byName.get(shape.name());
                if (table == null) {
                    continue;
                }
                String problem = load(backup, store, table, shape, () -> progress.update("restoring " + table.name(),
                        total == 0 ? 1 : (double) ++done[0] / total));
                if (problem == null && store.count(table.name()) != table.rows()) {
                    problem = "it holds " + table.rows() + " rows by the manifest, but " + store.count(table.name()) + " were loaded";
                }
                if (problem != null) {
                    connection.rollback();
                    return rejected(backup.path() + ": table " + table.name() + ": " + problem + ". Nothing was restored.");
                }
            }
            connection.commit();
            return Outcome.ok(null);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Loads one table's rows; returns what is wrong with them, or null. */
    private static String load(BackupFile backup, TableStore store, Manifest.Table table, TableStore.TableShape shape, Runnable row)
            throws SQLException {
        Map<String, TableStore.ColumnShape> targetColumns = shape.columns().stream()
                .collect(Collectors.toMap(TableStore.ColumnShape::name, Function.identity()));
        List<Manifest.Column> columns = table.columns();
        int[] sqlTypes = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            TableStore.ColumnShape column = targetColumns.get(columns.get(i).name());
            if (column == null || column.kind().orElse(null) != columns.get(i).kind()) {
                return "column " + columns.get(i).name() + " (" + columns.get(i).kind() + ") is "
                        + (column == null ? "not in the target table" : "of kind " + column.kind().map(Enum::name).orElse(column.sqlType()) + " there");
            }
            sqlTypes[i] = column.jdbcType();
        }
        MessageDigest sha256 = BackupDatabase.sha256();
        long rows = 0;
        try (InputStream in = new DigestInputStream(backup.rows(table), sha256); JsonParser json = JSON.createParser(in);
                PreparedStatement insert = store.insert(table.name(), columns.stream().map(Manifest.Column::name).toList())) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token != JsonToken.START_ARRAY) {
                    return "line " + (rows + 1) + " is not a row (a JSON array)";
                }
                for (int i = 0; i < columns.size(); i++) {
                    if (json.nextToken() == JsonToken.END_ARRAY) {
                        return "line " + (rows + 1) + " has " + i + " values, not " + columns.size();
                    }
                    columns.get(i).kind().read(json, insert, i + 1, sqlTypes[i]);
                }
                if (json.nextToken() != JsonToken.END_ARRAY) {
                    return "line " + (rows + 1) + " has more than " + columns.size() + " values";
                }
                insert.addBatch();
                if (++rows % BATCH == 0) {
                    insert.executeBatch();
                }
                row.run();
            }
            insert.executeBatch();
            in.transferTo(java.io.OutputStream.nullOutputStream()); // the hash covers the whole entry
        } catch (JsonProcessingException | RuntimeException e) {
            return "line " + (rows + 1) + " cannot be read (" + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())
                    + "): the file was changed or damaged";
        } catch (IOException e) {
            return "its rows cannot be read (" + e.getMessage() + "): the file is damaged";
        } catch (SQLException e) {
            SQLException cause = e.getNextException() == null ? e : e.getNextException();
            return "row " + (rows + 1) + " or one of the " + BATCH + " before it cannot be written: " + firstLine(cause.getMessage());
        }
        String hash = HexFormat.of().formatHex(sha256.digest());
        return hash.equals(table.sha256()) ? null
                : "checksum mismatch: its rows hash to " + hash.substring(0, 12) + "..., the manifest says " + table.sha256().substring(0, 12)
                        + "...: the file was changed or damaged";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Flyway versions compare part by part as numbers: 10 is after 9. */
    static int compareVersions(String a, String b) {
        return org.flywaydb.core.api.MigrationVersion.fromVersion(a).compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(b));
    }

    private static <T> Outcome<T> conflict(String message) {
        return Outcome.failed(new Failure(Failure.Kind.CONFLICT, message));
    }

    private static <T> Outcome<T> rejected(String message) {
        return Outcome.failed(new Failure(Failure.Kind.REJECTED, message));
    }
}
