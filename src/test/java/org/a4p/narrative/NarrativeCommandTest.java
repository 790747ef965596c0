package org.a4p.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code a4p narrative set|show} on an H2 folder: text or file, the latest per language, the history, plain errors. */
class NarrativeCommandTest {
    @TempDir
    Path folder;

    @Test
    void setsFromTextAndFileAndShowsTheLatestOrTheHistory() throws Exception {
        String db = folder.resolve("db").toString();
        Path file = folder.resolve("p4-fr.txt");
        Files.writeString(file, "\uFEFFMoins de décès en 2020 : 13.\nDeuxième ligne.", StandardCharsets.UTF_8);

        CliRun first = CliRun.of("--db", db, "narrative", "set", "--priority", "P4", "--year", "2020", "--lang", "en",
                "--text", "First draft.", "--user", "ana");
        assertThat(first.code()).as(first.all()).isZero();
        assertThat(first.out()).contains("Narrative P4 2020 (en) version 1 saved by ana");
        assertThat(CliRun.of("--db", db, "narrative", "set", "--priority", "P4", "--year", "2020", "--lang", "en",
                "--text", "Second draft.").code()).isZero();
        assertThat(CliRun.of("--db", db, "narrative", "set", "--priority", "P4", "--year", "2020", "--lang", "fr",
                "--file", file.toString()).code()).isZero();

        CliRun shown = CliRun.of("--db", db, "narrative", "show", "--priority", "P4", "--year", "2020");
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("Second draft.", "    Moins de décès en 2020 : 13.", "    Deuxième ligne.").doesNotContain("First draft.");
        CliRun history = CliRun.of("--db", db, "narrative", "show", "--priority", "P4", "--year", "2020", "--history");
        assertThat(history.out()).contains("version 2", "version 1 by ana", "First draft.", "Second draft.");
        assertThat(CliRun.of("--db", db, "narrative", "show", "--priority", "P1", "--year", "2020").out())
                .contains("P1 2020 (en): no narrative written", "P1 2020 (fr): no narrative written");
    }

    @Test
    void refusesBadInputWithAPlainMessage() {
        String db = folder.resolve("db").toString();
        CliRun unknown = CliRun.of("--db", db, "narrative", "set", "--priority", "P9", "--year", "2020", "--lang", "en", "--text", "x");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("a4p: unknown priority 'P9'");
        CliRun both = CliRun.of("--db", db, "narrative", "set", "--priority", "P1", "--year", "2020", "--lang", "en", "--text", "x",
                "--file", "f.txt");
        assertThat(both.code()).isEqualTo(2);
        CliRun missing = CliRun.of("--db", db, "narrative", "set", "--priority", "P1", "--year", "2020", "--lang", "en",
                "--file", folder.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
    }
}
