package org.a4p.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code a4p report} refuses plainly: no release yet, an output that is neither PDF nor HTML, an unknown org unit. */
class ReportCommandTest {
    @TempDir
    Path folder;

    @Test
    void saysSoWhenNoReleaseIsPublished() {
        Path out = folder.resolve("report.pdf");
        CliRun run = CliRun.of("--db", folder.resolve("db").toString(), "report", "--year", "2020", "--out", out.toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("a4p: no release is published yet");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void refusesAnOutputThatIsNeitherPdfNorHtmlAndAnUnknownOrgUnit() {
        String db = folder.resolve("db").toString();
        CliRun text = CliRun.of("--db", db, "report", "--year", "2020", "--out", folder.resolve("report.txt").toString());
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("--out must end in .pdf or .html");
        CliRun unknown = CliRun.of("--db", db, "report", "--year", "2020", "--mission", "NOPE", "--out", folder.resolve("r.pdf").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown org unit 'NOPE'");
    }
}
