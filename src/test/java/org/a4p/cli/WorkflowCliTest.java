package org.a4p.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workflow from the command line on an H2 folder: import, approve (not one's own), publish,
 * a lock refusing an import and a reopening lifting it, drafts, releases listed, the audit trail
 * intact; exit codes 0, 1 (refused) and 2 (usage).
 */
class WorkflowCliTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender\n";

    @TempDir
    Path folder;

    private CliRun run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.err()).as("no stack trace from %s", String.join(" ", args)).doesNotContain("\tat org.");
        return run;
    }

    @Test
    void anImportIsApprovedByAnotherPublishedLockedReopenedAndRevised() throws Exception {
        String db = folder.resolve("db").toString();
        Path first = Files.writeString(folder.resolve("march.csv"), HEADER + "X1,2020-03-10,MINUSCA,military,malicious_act,M\n"
                + "X2,2020-03-11,MINUSCA,military,malicious_act,M\n");
        assertThat(run("import", "--db", db, "--type", "fatality", "--user", "ana", first.toString()).out())
                .contains("Submission 1: march.csv").contains("as provisional");
        assertThat(run("release", "--db", db, "--user", "bob").err()).contains("there is no approved data to publish yet");

        CliRun own = run("submissions", "approve", "1", "--db", db, "--user", "ana");
        assertThat(own.code()).isEqualTo(Main.REJECTED);
        assertThat(own.err()).contains("nobody approves their own submission");
        CliRun approved = run("submissions", "approve", "1", "--db", db, "--user", "bob");
        assertThat(approved.code()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("Submission 1 (fatality, march.csv) is approved.");
        CliRun twice = run("submissions", "approve", "1", "--db", db, "--user", "carla");
        assertThat(twice.code()).isEqualTo(Main.REJECTED);
        assertThat(twice.err()).contains("submission 1 is approved (by bob at ");

        CliRun published = run("release", "--db", db, "--user", "bob", "--note", "March");
        assertThat(published.code()).as(published.err()).isZero();
        assertThat(published.out()).startsWith("Release 1 published at ").contains("from 1 approved submissions");
        assertThat(run("release", "--db", db, "--user", "bob").code()).isEqualTo(Main.REJECTED);

        Path revised = Files.writeString(folder.resolve("revised.csv"), HEADER + "X1,2020-03-10,MINUSCA,military,accident,M\n");
        CliRun locked = run("import", "--db", db, "--type", "fatality", "--user", "ana", revised.toString());
        assertThat(locked.code()).isEqualTo(Main.REJECTED);
        assertThat(locked.err()).contains("revised.csv row 2, column 'mission': no change to MINUSCA 2020-03: its fatality records are locked"
                + " by submission 1, approved by bob");
        assertThat(run("submissions", "reopen", "1", "--db", db, "--user", "bob").code()).as("a reason is required").isEqualTo(Main.USAGE);
        assertThat(run("submissions", "reopen", "1", "--db", db, "--user", "bob", "--reason", "the UN revised X1").out())
                .contains("is reopened");
        CliRun accepted = run("import", "--db", db, "--type", "fatality", "--user", "ana", revised.toString());
        assertThat(accepted.code()).as(accepted.err()).isZero();
        String id = accepted.out().replaceAll("(?s)^Submission (\\d+):.*", "$1");
        assertThat(run("submissions", "approve", id, "--db", db, "--user", "bob").code()).isZero();
        assertThat(run("release", "--db", db, "--user", "bob").out()).startsWith("Release 2 published");

        CliRun releases = run("releases", "--db", db);
        assertThat(releases.out().lines().skip(1).map(line -> line.trim().split("\\s+")[0])).containsExactly("2", "1");
        CliRun changes = run("releases", "--db", db, "--changes", "2", "--change", "added", "--limit", "500");
        assertThat(changes.out()).contains("incident_type=accident");
        assertThat(run("releases", "--db", db, "--changes", "9").code()).isEqualTo(Main.USAGE);
        CliRun listed = run("submissions", "--db", db);
        assertThat(listed.out()).contains("reopened by bob: the UN revised X1");

        CliRun verify = run("audit", "verify", "--db", db);
        assertThat(verify.code()).as(verify.all()).isZero();
        assertThat(verify.out()).startsWith("audit trail intact:");
        assertThat(run("audit", "--db", db, "--action", "submission.", "--format", "csv").out())
                .contains("submission.approve").contains("submission.reopen");
    }

    @Test
    void aDraftIsKeptUntilSubmitted() throws Exception {
        String db = folder.resolve("db").toString();
        Path file = Files.writeString(folder.resolve("april.csv"), HEADER + "Y1,2020-04-10,UNMISS,police,illness,F\n");
        CliRun drafted = run("import", "--db", db, "--type", "fatality", "--draft", "--user", "ana", file.toString());
        assertThat(drafted.out()).contains("Draft 1: april.csv").contains("nothing written yet: ./a4p submissions submit 1");
        assertThat(run("indicators", "--db", db, "--indicator", "P4.FATALITIES_ALL", "--mission", "UNMISS", "--format", "csv").out())
                .doesNotContain("UNMISS,2020");
        assertThat(run("submissions", "approve", "1", "--db", db, "--user", "bob").err()).contains("only a submitted or reopened submission");
        CliRun submitted = run("submissions", "submit", "1", "--db", db, "--user", "ana");
        assertThat(submitted.out()).contains("is submitted").contains("1 added");
        assertThat(run("indicators", "--db", db, "--indicator", "P4.FATALITIES_ALL", "--mission", "UNMISS", "--format", "csv").out())
                .contains("UNMISS,2020");
    }
}
