package org.a4p.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import org.a4p.app.App;
import org.a4p.opendata.ExportFormat;
import org.a4p.opendata.ExportRelease;
import org.a4p.release.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = {"Writes a published release as open data: csv (one row per value), json (the release's",
        "metadata and its values) or zip (both, the data dictionary as JSON and CSV tables, and a README). Small cells are",
        "suppressed and no record or restricted field is written. The file appears whole or not at all."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--release", defaultValue = "latest", paramLabel = "N|latest", description = "The release (default ${DEFAULT-VALUE}).")
    String release;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv, json, zip, sdmx-csv or sdmx-json.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() {
        ExportFormat chosen = ExportRelease.format(format).orElseThrow(failure -> new UsageProblem("--format: " + failure.message()));
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UsageProblem("cannot write " + out + ": it is a folder; expected a file name such as release.zip");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new UsageProblem("cannot write " + out + ": folder " + target.getParent() + " does not exist");
        }
        try (App app = Main.database(spec).open()) {
            ExportRelease export = new ExportRelease(app.pack(), app.releases(), app.clock());
            Release chosenRelease = export.release(release).orElseThrow(Refused::new);
            long started = System.nanoTime();
            ExportRelease.Written written = writeWhole(target, stream -> export.write(chosenRelease, chosen, stream));
            spec.commandLine().getOut().printf("Release %d (published %s) written to %s as %s: %,d values, %,d bytes in %.1f s.%n",
                    chosenRelease.number(), chosenRelease.publishedAt(), out, chosen.code(), written.values(), size(target),
                    (System.nanoTime() - started) / 1e9);
            return Main.OK;
        }
    }

    private interface Content<T> {
        T writeTo(OutputStream out) throws IOException;
    }

    /** Writes to a temporary file beside {@code target} and moves it into place only once complete: never a half-written file. */
    private <T> T writeWhole(Path target, Content<T> content) {
        // Named by hand rather than by createTempFile, whose file only its owner may read: the export gets the umask's permissions.
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
        try {
            T result;
            try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                result = content.writeTo(stream);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return result;
        } catch (IOException e) {
            throw new UsageProblem("cannot write " + out + ": " + e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the failure already reported is the one that matters
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
