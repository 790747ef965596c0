package org.a4p.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.a4p.app.Failure;
import org.a4p.app.Json;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.db.Dialect;
import org.a4p.exchange.Unclosed;
import org.a4p.ingest.Progress;
import org.a4p.pack.Pack;

/**
 * Writes every table of the database to one zip file: a JSON-lines entry per table and a
 * {@code manifest.json} with the schema version, the pack, and each table's columns, row count and
 * SHA-256. All tables are read in one read-only transaction that sees one state (PostgreSQL's
 * REPEATABLE READ, H2's SERIALIZABLE: both a snapshot taken once), so a backup taken while the server
 * writes is of one moment. Rows stream from the database to the file, never a table in memory.
 */
public final class BackupDatabase {
    private static final JsonFactory JSON = new JsonFactory();

    public record Request(Path out) {}

    /** {@code bytes} is the size of the file written. */
    public record Backup(Path file, long bytes, int tables, long rows, String schemaVersion) {}

    private final Pack pack;
    private final Database database;
    private final Clock clock;

    public BackupDatabase(Pack pack, Database database, Clock clock) {
        this.pack = pack;
        this.database = database;
        this.clock = clock;
    }

    public Outcome<Backup> run(Request request, Progress progress) {
        Path out = request.out().toAbsolutePath().normalize();
        if (Files.exists(out)) {
            return Outcome.failed(new Failure(Failure.Kind.CONFLICT, out + " already exists: name a new file, or delete it first"));
        }
        if (out.getParent() != null && !Files.isDirectory(out.getParent())) {
            return Outcome.failed(Failure.invalid("cannot write " + out + ": folder " + out.getParent() + " does not exist"));
        }
        // Written beside the target and moved in place at the end: a failed backup leaves no file that looks whole.
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        try (Connection connection = database.dataSource().getConnection()) {
            Manifest manifest = write(connection, partial, progress);
            Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            return Outcome.ok(new Backup(out, Files.size(out), manifest.tables().size(), manifest.totalRows(), manifest.schemaVersion()));
        } catch (IOException e) {
            return Outcome.failed(new Failure(Failure.Kind.REJECTED, "cannot write " + out + ": " + e.getMessage()));
        } catch (SQLException e) {
            return Outcome.failed(new Failure(Failure.Kind.REJECTED, "cannot read the database " + database.label() + ": " + e.getMessage()));
        } finally {
            progress.done();
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .part file says what it is
            }
        }
    }

    private Manifest write(Connection connection, Path file, Progress progress) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(database.dialect() == Dialect.POSTGRES
                ? Connection.TRANSACTION_REPEATABLE_READ : Connection.TRANSACTION_SERIALIZABLE);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            TableStore store = new TableStore(connection, database.dialect());
            List<TableStore.TableShape> shapes = store.tables();
            List<Long> counts = new ArrayList<>();
            for (TableStore.TableShape shape : shapes) {
                counts.add(store.count(shape.name()));
            }
            long total = counts.stream().mapToLong(Long::longValue).sum();
            long[] done = {0};
            List<Manifest.Table> tables = new ArrayList<>();
            for (TableStore.TableShape shape : shapes) {
                tables.add(writeTable(store, shape, zip, () -> progress.update("backing up " + shape.name(), total == 0 ? 1 : (double) ++done[0] / total)));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, database.schemaVersion(), pack.id(), pack.version(), pack.digest(),
                    database.dialect().name(), clock.instant(), tables);
            zip.putNextEntry(new ZipEntry(Manifest.ENTRY));
            zip.write(Json.pretty(manifest).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            return manifest;
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
    }

    private static Manifest.Table writeTable(TableStore store, TableStore.TableShape shape, ZipOutputStream zip, Runnable row)
            throws SQLException, IOException {
        List<Manifest.Column> columns = new ArrayList<>();
        for (TableStore.ColumnShape column : shape.columns()) {
            columns.add(new Manifest.Column(column.name(), column.kind().orElseThrow(() -> new SQLException("column " + column.name()
                    + " of table " + shape.name() + " has type " + column.sqlType() + ", which backups do not know")), column.sqlType()));
        }
        String entry = "tables/" + shape.name() + ".jsonl";
        zip.putNextEntry(new ZipEntry(entry));
        MessageDigest sha256 = sha256();
        long rows = 0;
        try (PreparedStatement select = store.selectAll(shape); ResultSet rs = select.executeQuery();
                JsonGenerator json = JSON.createGenerator(new DigestOutputStream(new Unclosed(zip), sha256), JsonEncoding.UTF8)) {
            json.setRootValueSeparator(null);
            while (rs.next()) {
                json.writeStartArray();
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).kind().write(rs, i + 1, json);
                }
                json.writeEndArray();
                json.writeRaw('\n');
                rows++;
                row.run();
            }
        }
        zip.closeEntry();
        return new Manifest.Table(shape.name(), entry, rows, HexFormat.of().formatHex(sha256.digest()), columns);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
