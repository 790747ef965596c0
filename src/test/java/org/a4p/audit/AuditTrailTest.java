package org.a4p.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.access.Accounts;
import org.a4p.access.AddUser;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.pack.Pack;
import org.a4p.pack.PackFixture;
import org.a4p.pack.PackLoader;
import org.a4p.pack.PackSource;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The trail as appended by real use cases, on H2 and PostgreSQL: it verifies, and its hashes are the documented ones. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {
    @Parameter
    String url;

    Database database;
    AuditTrail trail;
    int run;

    @BeforeParameterizedClassInvocation
    void open() {
        database = Database.open(url);
    }

    @AfterParameterizedClassInvocation
    void close() {
        database.close();
    }

    @BeforeEach
    void emptyTrail() throws Exception {
        AuditChains.reset(database);
        trail = new AuditTrail(AuditChains.ticking());
        run++;
    }

    @Test
    void aChainMadeByTheAccountsVerifiesAndListsWhatHappened() throws Exception {
        AuditChains.sevenRealEntries(database, trail, "t" + run);

        VerifyAudit.Report report = AuditChains.verify(database, null);
        assertThat(report.broken()).isEmpty();
        assertThat(report.entries()).isEqualTo(7);
        assertThat(report.head()).isEqualTo(new AuditEntry.Head(7, AuditChains.hashOf(database, 7)));
        assertThat(report.first()).isEqualTo(AuditChains.START); // the ticking clock's first reading
        List<AuditEntry> entries = new QueryAudit(database.dataSource()).run(new QueryAudit.Request(null, null, null, null))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        String ana = "t" + run + "ana";
        String ben = "t" + run + "ben";
        assertThat(entries).extracting(AuditEntry::seq, AuditEntry::actor, AuditEntry::action, AuditEntry::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7L, ben, "request.denied", "GET:/api/v1/users"),
                org.assertj.core.groups.Tuple.tuple(6L, "cli:auditor", "user.disable", "user:" + ana),
                org.assertj.core.groups.Tuple.tuple(5L, "cli:auditor", "token.issue", "user:" + ben),
                org.assertj.core.groups.Tuple.tuple(4L, ben, "login.success", "user:" + ben),
                org.assertj.core.groups.Tuple.tuple(3L, ana, "login.failure", "user:" + ana),
                org.assertj.core.groups.Tuple.tuple(2L, "cli:auditor", "user.add", "user:" + ben),
                org.assertj.core.groups.Tuple.tuple(1L, "cli:auditor", "user.add", "user:" + ana));
        assertThat(entries.get(6).before()).isNull();
        assertThat(entries.get(6).after().toString())
                .isEqualTo("{\"enabled\":true,\"missions\":[\"MINUSCA\"],\"role\":\"mission_officer\",\"user\":\"" + ana + "\"}");
        assertThat(entries.get(1).before().toString()).isEqualTo("{\"enabled\":true}");
        assertThat(entries.get(1).after().toString()).isEqualTo("{\"enabled\":false,\"sessions_ended\":0}");
        assertThat(entries.get(4).after().toString()).isEqualTo("{\"failures\":1,\"reason\":\"wrong_password\"}");
        // Each entry links to the one before it.
        for (int i = 0; i < entries.size() - 1; i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i + 1).entryHash());
        }
        assertThat(entries.get(6).prevHash()).isEqualTo("0".repeat(64));
    }

    @Test
    void theHashIsTheDocumentedOneOverTheCanonicalForm() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T10:00:00.123456Z"), ZoneOffset.UTC);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("user", "ana");
        after.put("note", "say \"hi\"\\\n\u00e9");
        after.put("ratio", 1.50);
        after.put("missions", List.of("MINUSCA", "MONUSCO"));
        after.put("locked_until", null);
        AuditEntry first = new AuditTrail(clock).append(database.dataSource(),
                AuditEvent.of("cli:root", "user.add", "user:ana", null, after));
        AuditEntry second = new AuditTrail(clock).append(database.dataSource(),
                AuditEvent.of("ana", "login.success", "user:ana", Map.of("b", 2, "a", 1), null));

        // Written out by hand, as an auditor's own tool would: sorted keys, no spaces, millisecond times.
        String canonical1 = "{\"action\":\"user.add\",\"actor\":\"cli:root\",\"after\":{\"locked_until\":null,\"missions\":[\"MINUSCA\",\"MONUSCO\"],"
                + "\"note\":\"say \\\"hi\\\"\\\\\\u000a\u00e9\",\"ratio\":1.5,\"user\":\"ana\"},\"at\":\"2026-11-30T10:00:00.123Z\","
                + "\"before\":null,\"seq\":1,\"target\":\"user:ana\"}";
        String hash1 = sha256("0".repeat(64) + canonical1);
        String canonical2 = "{\"action\":\"login.success\",\"actor\":\"ana\",\"after\":null,\"at\":\"2026-11-30T10:00:00.123Z\","
                + "\"before\":{\"a\":1,\"b\":2},\"seq\":2,\"target\":\"user:ana\"}";
        assertThat(first.entryHash()).isEqualTo(hash1);
        assertThat(second.prevHash()).isEqualTo(hash1);
        assertThat(second.entryHash()).isEqualTo(sha256(hash1 + canonical2));
        assertThat(AuditChains.hashOf(database, 2)).isEqualTo(second.entryHash());
        assertThat(first.at()).isEqualTo(Instant.parse("2026-11-30T10:00:00.123Z"));
        assertThat(AuditChains.rawRows(database).get(0)).contains(
                "{\"locked_until\":null,\"missions\":[\"MINUSCA\",\"MONUSCO\"],\"note\":\"say \\\"hi\\\"\\\\\\u000a\u00e9\",\"ratio\":1.5,\"user\":\"ana\"}");
        assertThat(AuditChains.verify(database, null).broken()).isEmpty();
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            trail.append(connection, AuditEvent.of("ana", "user.add", "user:x", null, Map.of("user", "x")));
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThat(AuditChains.count(database, "SELECT COUNT(*) FROM audit_entry")).isZero();
        assertThat(AuditChains.count(database, "SELECT seq FROM audit_head")).isZero();

        Accounts accounts = new Accounts(database.jdbi(), Fixtures.pack().orgUnits(), AuditChains.ticking(), trail);
        String name = "t" + run + "carl";
        assertThat(accounts.addUser().run(new AddUser.Request("cli:a", name, "analyst", List.of(), AuditChains.PASSWORD)))
                .isInstanceOf(AddUser.Added.class);
        assertThat(accounts.addUser().run(new AddUser.Request("cli:a", name, "analyst", List.of(), AuditChains.PASSWORD)))
                .isInstanceOf(AddUser.NameTaken.class);
        assertThat(AuditChains.seqs(database)).containsExactly(1L);
    }

    @Test
    void theAppRecordsAPackLoadOnlyWhenThePackChanged(@TempDir Path folder) throws Exception {
        new App(Fixtures.pack(), database).pack(); // its first start here: the bundled pack
        new App(Fixtures.pack(), database).pack(); // the same pack again: nothing new
        PackFixture copy = PackFixture.copyBundled(folder.resolve("pack"));
        copy.write("pack.yaml", copy.read("pack.yaml") + "\n# edited by the test\n");
        Pack edited = PackLoader.load(PackSource.folder(copy.root())).orThrow();
        assertThat(edited.digest()).matches("[0-9a-f]{64}").isNotEqualTo(Fixtures.pack().digest());
        new App(edited, database).pack();

        List<AuditEntry> loads = new QueryAudit(database.dataSource()).run(new QueryAudit.Request(null, "system", "pack.", null))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        assertThat(loads).hasSize(2);
        assertThat(loads.get(1).before()).isNull();
        assertThat(loads.get(1).after().path("digest").asText()).isEqualTo(Fixtures.pack().digest());
        assertThat(loads.get(1).after().path("version").asText()).isEqualTo(Fixtures.pack().version());
        assertThat(loads.get(0).before()).isEqualTo(loads.get(1).after());
        assertThat(loads.get(0).after().path("digest").asText()).isEqualTo(edited.digest());
        assertThat(AuditChains.verify(database, null).broken()).isEmpty();
    }

    @Test
    void queriesFilterBySinceUserAndActionPrefix() throws Exception {
        AuditChains.sevenRealEntries(database, trail, "q" + run);
        QueryAudit query = new QueryAudit(database.dataSource());
        // The ticking clock: entry n at START + 1.5 s * (n - 1) (one reading per entry).
        assertThat(query.run(new QueryAudit.Request("2026-11-30T10:00:06Z", null, null, null)).orElseThrow(f -> new IllegalStateException(f.message())))
                .extracting(AuditEntry::seq).containsExactly(7L, 6L, 5L);
        assertThat(query.run(new QueryAudit.Request(null, "cli:auditor", "user.", null)).orElseThrow(f -> new IllegalStateException(f.message())))
                .extracting(AuditEntry::seq).containsExactly(6L, 2L, 1L);
        assertThat(query.run(new QueryAudit.Request(null, null, "login.success", 5)).orElseThrow(f -> new IllegalStateException(f.message())))
                .extracting(AuditEntry::seq).containsExactly(4L);
        assertThat(query.run(new QueryAudit.Request("2026-12-01", null, null, null)).orElseThrow(f -> new IllegalStateException(f.message()))).isEmpty();
        assertThat(query.run(new QueryAudit.Request(null, null, null, 2)).orElseThrow(f -> new IllegalStateException(f.message())))
                .extracting(AuditEntry::seq).containsExactly(7L, 6L);
        assertThat(query.run(new QueryAudit.Request("yesterday", null, null, null))).isInstanceOf(org.a4p.app.Outcome.Failed.class);
        assertThat(query.run(new QueryAudit.Request(null, null, "user%", null))).isInstanceOf(org.a4p.app.Outcome.Failed.class);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
