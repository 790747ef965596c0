package org.a4p.backup;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.a4p.access.AddUser;
import org.a4p.app.App;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.audit.VerifyAudit;
import org.a4p.cli.Main;
import org.a4p.db.Database;
import org.a4p.i18n.Language;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.narrative.WriteNarrative;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.a4p.testing.Databases;
import org.a4p.workflow.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backup and restore across H2 and PostgreSQL both ways: every table comes back row by row, the audit
 * chain verifies, new rows get new ids; a non-empty target, a tampered file and a file that is no
 * backup are refused and leave the target as it was.
 *
 * <p>The source database: a fatality dataset imported and then revised (one record revised, one
 * retired: record history and submission changes), approved and published (a release), a draft (its
 * file kept as bytes), two users, narrative text with accents and newlines, and a few computed values
 * set to doubles that lose bits when printed short (0.1 + 0.2, the smallest double) or null.
 */
class BackupRestoreTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender";
    static final String PASSWORD = "lantern orchard vinegar";
    static final String NARRATIVE = "Progrès réalisés « en 2020 »\nDeuxième ligne, à Bangui\ttab ✓";

    @TempDir
    static Path folder;

    static App h2Source;
    static App postgresSource;
    static Path h2Backup;
    static Path postgresBackup;

    @BeforeAll
    static void sources() throws Exception {
        h2Source = source(Databases.h2Url("backup-source"));
        postgresSource = source(Databases.postgresUrl());
        h2Backup = backup(h2Source, "h2.a4pbackup");
        postgresBackup = backup(postgresSource, "pg.a4pbackup");
    }

    @AfterAll
    static void close() {
        h2Source.close();
        postgresSource.close();
    }

    private static App source(String url) throws Exception {
        App app = Fixtures.app(url);
        Path dir = Files.createTempDirectory(folder, "source");
        accepted(importFiles(app, "fatality", true, csv(dir, "décès-2020.csv", HEADER,
                "D1,2020-03-11,MONUSCO,military,malicious_act,M", "D2,2020-03-12,MONUSCO,military,malicious_act,F",
                "D3,2020-03-13,MINUSCA,police,accident,M")));
        accepted(importFiles(app, "fatality", true, csv(dir, "décès-2020-revised.csv", HEADER,
                "D1,2020-03-11,MONUSCO,military,accident,M", "D2,2020-03-12,MONUSCO,military,malicious_act,F")));
        Fixtures.approveAllAndPublish(app);
        app.importer().run(new ImportRequest("fatality", null, List.of(ImportFile.of(csv(dir, "draft.csv", HEADER,
                "D9,2020-04-01,MINUSCA,military,illness,F"))), false, false, "officer", false, true, null), Progress.NONE);
        for (String name : List.of("ana.analyst", "zoe.officer")) {
            assertThat(app.accounts().addUser().run(new AddUser.Request("cli:root", name, "analyst", List.of(), PASSWORD)))
                    .isInstanceOf(AddUser.Added.class);
        }
        assertThat(new WriteNarrative(app.pack(), app.database().jdbi(), app.audit(), app.clock())
                .run(new WriteNarrative.Request(Actor.operator("ana.analyst"), "P1", 2020, Language.FR, NARRATIVE))).isInstanceOf(Outcome.Ok.class);
        try (Connection connection = app.database().dataSource().getConnection(); Statement st = connection.createStatement()) {
            st.executeUpdate("INSERT INTO indicator_value (indicator_id, org_unit, period, grain, period_year, disaggregation, amount, records,"
                    + " synthetic, flagged) VALUES ('X.EDGE', 'PKO', '2020', 'Y', 2020, 'a', " + (0.1 + 0.2) + ", 1, FALSE, TRUE),"
                    + " ('X.EDGE', 'PKO', '2020', 'Y', 2020, 'b', " + Double.MIN_VALUE + ", 2, TRUE, FALSE),"
                    + " ('X.EDGE', 'PKO', '2020', 'Y', 2020, 'c', NULL, 0, FALSE, FALSE)");
        }
        return app;
    }

    private static Path backup(App app, String name) {
        Path file = folder.resolve(name);
        assertThat(new BackupDatabase(app.pack(), app.database(), Clock.systemUTC()).run(new BackupDatabase.Request(file), Progress.NONE))
                .isInstanceOf(Outcome.Ok.class);
        return file;
    }

    static Stream<Arguments> directions() {
        return Stream.of(Arguments.of("H2", "H2"), Arguments.of("H2", "PostgreSQL"), Arguments.of("PostgreSQL", "H2"),
                Arguments.of("PostgreSQL", "PostgreSQL"));
    }

    private static String fresh(String kind) {
        return kind.equals("H2") ? Databases.h2Url("backup-target") : Databases.postgresUrl();
    }

    private static Outcome<RestoreDatabase.Restored> restore(Path file, Database target) {
        return new RestoreDatabase(Fixtures.pack(), target).run(new RestoreDatabase.Request(file), Progress.NONE);
    }

    private static Failure failure(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<?>) outcome).failure();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("directions")
    void restoresEveryTableRowByRowAndTheAuditChainVerifies(String from, String to) throws Exception {
        App source = from.equals("H2") ? h2Source : postgresSource;
        Map<String, List<String>> before = TableContents.of(source.database().dataSource());
        String url = fresh(to);
        try (Database target = Database.open(url)) {
            Outcome<RestoreDatabase.Restored> outcome = restore(from.equals("H2") ? h2Backup : postgresBackup, target);
            assertThat(outcome).isInstanceOf(Outcome.Ok.class);
            RestoreDatabase.Restored restored = ((Outcome.Ok<RestoreDatabase.Restored>) outcome).value();
            assertThat(restored.audit().intact()).isTrue();
            assertThat(restored.audit().entries()).isEqualTo(Fixtures.count(source, "SELECT COUNT(*) FROM audit_entry")).isGreaterThan(5);

            Map<String, List<String>> after = TableContents.of(target.dataSource());
            assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
            for (String table : before.keySet()) {
                assertThat(after.get(table)).as("table %s", table).containsExactlyElementsOf(before.get(table));
            }
            assertThat(before.get("narrative_version")).singleElement().asString().contains(NARRATIVE);
            assertThat(before.get("indicator_value")).anyMatch(row -> row.contains("amount=d0.30000000000000004"))
                    .anyMatch(row -> row.contains("amount=d4.9E-324")).anyMatch(row -> row.contains("amount=null"));
            assertThat(before.get("submission_draft")).singleElement().asString().contains("content=0x");
            assertThat(before.get("record_history")).isNotEmpty();
            assertThat(before.get("release_value")).isNotEmpty();
        }

        // The app starts on the restored database, and new rows go on after the restored ids.
        try (App app = Fixtures.app(url)) {
            long lastSubmission = Fixtures.count(app, "SELECT MAX(id) FROM submission");
            long lastUser = Fixtures.count(app, "SELECT MAX(id) FROM app_user");
            Path dir = Files.createTempDirectory(folder, "after");
            long submission = accepted(importFiles(app, "fatality", false, csv(dir, "new.csv", HEADER,
                    "D10,2020-05-02,MONUSCO,military,accident,M"))).submissions().get(0).id();
            assertThat(submission).isEqualTo(lastSubmission + 1);
            AddUser.Result added = app.accounts().addUser().run(new AddUser.Request("cli:root", "new.user", "analyst", List.of(), PASSWORD));
            assertThat(added).isInstanceOf(AddUser.Added.class);
            assertThat(((AddUser.Added) added).user().id()).isEqualTo(lastUser + 1);
            assertThat(Fixtures.count(app, "SELECT MAX(id) FROM rec_fatality")).isGreaterThan(3);
            assertThat(new VerifyAudit(app.database().dataSource()).run(new VerifyAudit.Request(null))
                    .orElseThrow(f -> new IllegalStateException(f.message())).intact()).isTrue();
        }
    }

    @ParameterizedTest(name = "into {0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesATargetThatHoldsDataAndChangesNothing(String url) throws Exception {
        try (App app = Fixtures.app(url)) {
            assertThat(app.accounts().addUser().run(new AddUser.Request("cli:root", "already.here", "analyst", List.of(), PASSWORD)))
                    .isInstanceOf(AddUser.Added.class);
            Map<String, List<String>> before = TableContents.of(app.database().dataSource());
            Failure refused = failure(restore(h2Backup, app.database()));
            assertThat(refused.kind()).isEqualTo(Failure.Kind.CONFLICT);
            assertThat(refused.message()).contains("already holds data", "app_user", "audit_entry", "only into an empty database",
                    "never merged", "Nothing was changed");
            assertThat(TableContents.of(app.database().dataSource())).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "into {0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void refusesATamperedBackupNamingTheTableAndLeavesTheTargetEmpty(String url) throws Exception {
        // One byte of the audit trail's rows changed, the zip rewritten so that only the manifest's SHA-256 can tell.
        Path tampered = rewrite(h2Backup, "tampered.a4pbackup", "tables/audit_entry.jsonl", rows -> {
            String text = new String(rows, StandardCharsets.UTF_8);
            int at = text.indexOf("\"system\"");
            return (text.substring(0, at + 1) + "S" + text.substring(at + 2)).getBytes(StandardCharsets.UTF_8);
        });
        try (Database target = Database.open(url)) {
            Map<String, List<String>> empty = TableContents.of(target.dataSource());
            Failure refused = failure(restore(tampered, target));
            assertThat(refused.message()).contains("tampered.a4pbackup", "table audit_entry", "checksum mismatch", "Nothing was restored");
            Map<String, List<String>> after = TableContents.of(target.dataSource());
            // The pack's record tables are created (empty) and their guard rows seeded, as any start of the app does.
            assertThat(after.get("record_type_guard")).isNotEmpty();
            after.remove("record_type_guard");
            empty.remove("record_type_guard");
            assertThat(after.entrySet()).filteredOn(table -> !empty.containsKey(table.getKey())).isNotEmpty()
                    .allSatisfy(table -> assertThat(table.getValue()).as(table.getKey()).isEmpty());
            after.keySet().retainAll(empty.keySet());
            assertThat(after).isEqualTo(empty);
            assertThat(after.get("audit_entry")).isEmpty();
            assertThat(after.get("submission")).isEmpty();
        }
    }

    @Test
    void refusesWhatIsNoBackupOrNotThisOne() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not a zip");
        Path noManifest = rewrite(h2Backup, "no-manifest.a4pbackup", "manifest.json", null);
        Path otherPack = rewrite(h2Backup, "other-pack.a4pbackup", "manifest.json", manifest -> new String(manifest, StandardCharsets.UTF_8)
                .replace(Fixtures.pack().digest(), "0".repeat(64)).getBytes(StandardCharsets.UTF_8));
        Path newer = rewrite(h2Backup, "newer.a4pbackup", "manifest.json", manifest -> new String(manifest, StandardCharsets.UTF_8)
                .replaceFirst("\"schema_version\" : \"\\d+\"", "\"schema_version\" : \"99\"").getBytes(StandardCharsets.UTF_8));
        try (Database target = Database.open(Databases.h2Url("backup-refusals"))) {
            assertThat(failure(restore(folder.resolve("missing.a4pbackup"), target)).message()).endsWith("missing.a4pbackup: no such file");
            assertThat(failure(restore(text, target)).message()).isEqualTo(text + " is not a backup: it is not a zip file");
            assertThat(failure(restore(noManifest, target)).message()).isEqualTo(noManifest + " is not a backup: it has no manifest.json");
            assertThat(failure(restore(otherPack, target)).message()).contains("was taken with pack", "000000000000...",
                    "restore with the pack it was taken with");
            assertThat(failure(restore(newer, target)).message()).contains("was taken at schema version 99, this build's is " + target.schemaVersion(),
                    "a build at least as new");
            assertThat(TableContents.of(target.dataSource()).get("audit_entry")).isEmpty();
        }
    }

    @Test
    void backsUpAndRestoresThroughTheCommandLine() throws Exception {
        Path source = folder.resolve("cli-source");
        assertThat(CliRun.withInput(PASSWORD + "\n", "users", "add", "cli.ana", "--role", "analyst", "--db", source.toString()).code())
                .isEqualTo(Main.OK);
        Path file = folder.resolve("cli.a4pbackup");
        CliRun backup = CliRun.of("backup", "--out", file.toString(), "--db", source.toString());
        assertThat(backup.code()).as(backup.all()).isEqualTo(Main.OK);
        String version;
        try (Database database = Database.open(source.toString())) {
            version = database.schemaVersion();
        }
        assertThat(backup.out()).contains("Backed up", "tables", "schema version " + version, file.toString());

        CliRun again = CliRun.of("backup", "--out", file.toString(), "--db", source.toString());
        assertThat(again.code()).isEqualTo(Main.REJECTED);
        assertThat(again.err()).contains("already exists");

        String target = Databases.postgresUrl();
        CliRun restore = CliRun.of("restore", file.toString(), "--db", target);
        assertThat(restore.code()).as(restore.all()).isEqualTo(Main.OK);
        assertThat(restore.out()).contains("Restored", "every table's rows and SHA-256 match", "audit trail intact: 2 entries");
        CliRun list = CliRun.of("users", "list", "--db", target);
        assertThat(list.out()).contains("cli.ana");

        CliRun refused = CliRun.of("restore", file.toString(), "--db", target);
        assertThat(refused.code()).isEqualTo(Main.REJECTED);
        assertThat(refused.err()).startsWith("a4p: ").contains("already holds data");
    }

    /** A copy of a backup with one entry's bytes changed ({@code change} null: the entry left out). */
    private static Path rewrite(Path backup, String name, String entryName, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Path out = folder.resolve(name);
        try (ZipFile zip = new ZipFile(backup.toFile()); ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().equals(entryName) && change == null) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(entry.getName().equals(entryName) ? change.apply(bytes) : bytes);
                copy.closeEntry();
            }
        }
        return out;
    }
}
