package org.a4p.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.a4p.app.App;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.a4p.support.TwoReleases;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code a4p export} on H2 and PostgreSQL: it says where it wrote and how many values; each
 * refusal names what was wrong and what was expected, exits 1 or 2, and leaves no file behind nor
 * changes the one already there.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportCommandTest {
    @Parameter
    String url;

    @TempDir
    Path folder;

    App app;
    TwoReleases releases;

    @BeforeParameterizedClassInvocation
    void publish() throws Exception {
        app = Fixtures.app(url);
        releases = TwoReleases.publish(app, Files.createTempDirectory("export-cli"));
    }

    @AfterParameterizedClassInvocation
    void close() {
        app.close();
    }

    @Test
    void writesTheLatestReleaseAndSaysWhereAndHowManyValues() throws Exception {
        Path out = folder.resolve("latest.zip");
        CliRun run = CliRun.of("export", "--db", url, "--format", "zip", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Release 2 (published " + releases.second.publishedAt() + ") written to " + out + " as zip: "
                + releases.second.values() + " values, ");
        try (ZipFile zip = new ZipFile(out.toFile())) {
            assertThat(new String(zip.getInputStream(zip.getEntry("README.txt")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains(releases.second.contentSha256());
        }
        try (var listed = Files.list(folder)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("latest.zip"); // no temporary file left
        }
    }

    @Test
    void writesAnEarlierReleaseByNumber() throws Exception {
        Path out = folder.resolve("first.csv");
        CliRun run = CliRun.of("export", "--db", url, "--release", "1", "--format", "CSV", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Release 1 ");
        assertThat(Files.readAllLines(out)).hasSize(releases.first.values() + 1)
                .anyMatch(line -> line.startsWith(TwoReleases.INDICATOR + ",MONUSCO,2020,A,,7,count,7,"));
    }

    @Test
    void eachRefusalNamesWhatWasWrongAndLeavesTheFileAsItWas() throws Exception {
        Path out = Files.writeString(folder.resolve("kept.csv"), "what was there\n");
        assertRefused(2, "a4p: there is no release 9: the releases are 1 to 2", "--release", "9", "--format", "csv", "--out", out.toString());
        assertRefused(2, "a4p: expected a release number or 'latest', got 'newest'", "--release", "newest", "--format", "csv", "--out", out.toString());
        assertRefused(2, "a4p: --format: expected a format of csv, json, zip, sdmx-csv or sdmx-json, got 'xlsx'", "--format", "xlsx", "--out", out.toString());
        assertRefused(2, "a4p: cannot write " + folder.resolve("none/x.csv") + ": folder " + folder.resolve("none") + " does not exist",
                "--format", "csv", "--out", folder.resolve("none/x.csv").toString());
        assertRefused(2, "a4p: cannot write " + folder + ": it is a folder; expected a file name such as release.zip",
                "--format", "csv", "--out", folder.toString());
        assertThat(Files.readString(out)).isEqualTo("what was there\n");
        try (var listed = Files.list(folder)) {
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly("kept.csv");
        }
    }

    @Test
    void beforeTheFirstReleaseItSaysSo() {
        String empty = Databases.h2Url("no-release");
        Fixtures.app(empty).close();
        CliRun run = CliRun.of("export", "--db", empty, "--format", "csv", "--out", folder.resolve("x.csv").toString());
        assertThat(run.code()).isEqualTo(Main.REJECTED);
        assertThat(run.err()).isEqualTo("a4p: no release has been published yet: approve submissions, then publish one (./a4p release)"
                + System.lineSeparator());
        assertThat(folder.resolve("x.csv")).doesNotExist();
    }

    private void assertRefused(int code, String message, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "export";
        all[1] = "--db";
        all[2] = url;
        System.arraycopy(args, 0, all, 3, args.length);
        CliRun run = CliRun.of(all);
        assertThat(run.code()).as(String.join(" ", args)).isEqualTo(code);
        assertThat(run.err().strip()).isEqualTo(message);
    }
}
