package org.a4p.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.a4p.cli.Main;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import into an H2 folder on a small filesystem filled to the brim: it fails with a message
 * that says the disk is full, writes nothing, and once space is freed the same import goes through.
 * Needs a tmpfs mount, so root; skipped otherwise.
 */
class ImportDiskFullTest {
    static final String TMPFS_SIZE = "128m";
    /** What is left free once the filler is written: room to open the database, not to write the import. */
    static final long LEFT_FREE = 1_500_000;

    @TempDir
    Path folder;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null && run("umount", mount.toString()) != 0) {
            run("umount", "-l", mount.toString()); // a file H2 left open after the failure keeps it busy
        }
    }

    @Test
    void importThatFillsTheDiskSaysSoAndWritesNothing() throws Exception {
        mount = mountTmpfs();
        String db = mount.resolve("db").toString();
        writeBaseline(db);
        ImportKilledTest.DatabaseState before = ImportKilledTest.DatabaseState.of(db);
        Path big = ImportKilledTest.bigFatalityFile(folder.resolve("fatalities-big.csv"));

        Path filler = mount.resolve("filler");
        long free = Files.getFileStore(mount).getUsableSpace();
        assertThat(run("fallocate", "-l", String.valueOf(free - LEFT_FREE), filler.toString())).isZero();

        Path log = folder.resolve("full.log");
        Process child = ImportKilledTest.startImport(db, big, log);
        try {
            assertThat(child.waitFor(ImportKilledTest.IMPORT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("the import ended").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(Main.REJECTED);
        assertThat(output).containsPattern("the disk that holds the database is full: [0-9.]+ MB free, and " + ImportKilledTest.ROWS
                + " records need about \\d+ MB; nothing was written");

        Files.delete(filler);
        assertThat(ImportKilledTest.DatabaseState.of(db)).as("the database after the import that filled the disk").isEqualTo(before);
        CliRun again = CliRun.of("import", "--type", "fatality", "--db", db, big.toString());
        assertThat(again.code()).as(again.all()).isZero();
        assertThat(again.out()).contains(ImportKilledTest.ROWS + " rows read: " + (ImportKilledTest.ROWS - 3) + " added, 3 revised");
    }

    private Path mountTmpfs() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small tmpfs needs root: skipped");
        Path point = Files.createDirectory(folder.resolve("small-disk"));
        int code = run("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_SIZE, "tmpfs", point.toString());
        Assumptions.assumeTrue(code == 0, "mount -t tmpfs failed here (exit " + code + "): skipped");
        return point;
    }

    private void writeBaseline(String db) throws IOException {
        Path small = folder.resolve("fatalities-small.csv");
        Files.writeString(small, String.join("\n", ImportKilledTest.HEADER,
                "MINUSCA-2016-01-000000,2016-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                "MONUSCO-2016-01-000001,2016-01-16,MONUSCO,police,accident,F,RWA,Person B",
                "UNMISS-2016-01-000002,2016-01-17,UNMISS,military,accident,M,NPL,Person C") + "\n");
        CliRun run = CliRun.of("import", "--type", "fatality", "--db", db, small.toString());
        assertThat(run.code()).as(run.all()).isZero();
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
