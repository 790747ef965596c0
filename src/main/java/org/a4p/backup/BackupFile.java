package org.a4p.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.a4p.app.Failure;
import org.a4p.app.Json;
import org.a4p.app.Outcome;

/** A backup file opened for reading: the zip, its manifest checked, and each table's rows entry. */
final class BackupFile implements AutoCloseable {
    private final Path path;
    private final ZipFile zip;
    private final Manifest manifest;

    private BackupFile(Path path, ZipFile zip, Manifest manifest) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
    }

    /** The file opened, or why it is not a backup this build can read. */
    static Outcome<BackupFile> open(Path path) {
        if (!java.nio.file.Files.isRegularFile(path)) {
            return Outcome.failed(Failure.notFound(path + ": no such file"));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            return refused(path + " is not a backup: it is not a zip file");
        } catch (IOException e) {
            return refused("cannot read " + path + ": " + e.getMessage());
        }
        try {
            ZipEntry entry = zip.getEntry(Manifest.ENTRY);
            if (entry == null) {
                zip.close();
                return refused(path + " is not a backup: it has no " + Manifest.ENTRY);
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = Json.mapper().readValue(in, Manifest.class);
            }
            String problem = manifest.format() != Manifest.FORMAT ? "it is in backup format " + manifest.format() + "; this build reads format "
                    + Manifest.FORMAT : manifest.tables() == null || manifest.schemaVersion() == null || manifest.packDigest() == null
                    ? "its " + Manifest.ENTRY + " lacks the tables, the schema version or the pack digest" : null;
            if (problem == null) {
                for (Manifest.Table table : manifest.tables()) {
                    if (zip.getEntry(table.file()) == null) {
                        problem = "table " + table.name() + "'s rows (" + table.file() + ") are missing";
                        break;
                    }
                }
            }
            if (problem != null) {
                zip.close();
                return refused(path + ": " + problem);
            }
            return Outcome.ok(new BackupFile(path, zip, manifest));
        } catch (IOException e) {
            closeQuietly(zip);
            return refused(path + ": " + Manifest.ENTRY + " cannot be read: " + e.getMessage());
        }
    }

    Path path() {
        return path;
    }

    Manifest manifest() {
        return manifest;
    }

    InputStream rows(Manifest.Table table) throws IOException {
        return zip.getInputStream(zip.getEntry(table.file()));
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read only: nothing is lost
        }
    }

    private static <T> Outcome<T> refused(String message) {
        return Outcome.failed(new Failure(Failure.Kind.REJECTED, message));
    }
}
