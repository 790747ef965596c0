package org.a4p.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.a4p.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import too large for the heap it is given (50,000 rows in 48 MB; it needs some 1 KB a row
 * until it commits) ends with one line that says so and what to do, no stack trace from any
 * thread (H2's background writer runs out too), exit code 1, and a database as it was.
 */
class ImportOutOfMemoryTest {
    @TempDir
    Path folder;

    @Test
    void anImportThatRunsOutOfHeapSaysSoInOneLineAndWritesNothing() throws Exception {
        Path db = folder.resolve("db");
        Path big = ImportKilledTest.bigFatalityFile(folder.resolve("fatalities.csv"));
        Path log = folder.resolve("import.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "import", "--type", "fatality", "--db", db.toString(), big.toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("a4p: out of memory (the Java heap is limited to", "an import cut short wrote nothing",
                "A4P_JAVA_OPTS=-Xmx4g");
        assertThat(output).doesNotContain("Exception in thread", "\tat ", "OutOfMemoryError");
        assertThat(output.lines().filter(line -> line.contains("out of memory")).count()).isEqualTo(1);

        org.a4p.support.CliRun submissions = org.a4p.support.CliRun.of("submissions", "--db", db.toString());
        assertThat(submissions.out()).contains("No submissions yet");
    }
}
