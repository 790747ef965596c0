package org.a4p.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import org.a4p.app.Json;
import org.a4p.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tampering with a chain of seven real entries by raw SQL, as someone with database access could:
 * verify names the first entry that is wrong, and how.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperTest {
    @Parameter
    String url;

    Database database;
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
    void sevenEntries() throws Exception {
        AuditChains.reset(database);
        AuditChains.sevenRealEntries(database, new AuditTrail(AuditChains.ticking()), "x" + ++run);
        assertThat(AuditChains.verify(database, null).broken()).isEmpty();
    }

    VerifyAudit.Break broken(String expect) {
        VerifyAudit.Report report = AuditChains.verify(database, expect);
        assertThat(report.intact()).as("verify finds the tampering").isFalse();
        return report.broken().orElseThrow();
    }

    @Test
    void anEditedActorIsNamed() throws Exception {
        AuditChains.execute(database, "UPDATE audit_entry SET actor = 'someone.else' WHERE seq = 3");
        VerifyAudit.Break broken = broken(null);
        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.EDITED);
        assertThat(broken.message()).startsWith("entry 3 was edited: its hash ");
    }

    @Test
    void anEditedAfterValueIsNamed() throws Exception {
        AuditChains.execute(database, "UPDATE audit_entry SET after_json = REPLACE(after_json, 'mission_officer', 'admin') WHERE seq = 1");
        assertThat(AuditChains.count(database, "SELECT COUNT(*) FROM audit_entry WHERE after_json LIKE '%\"admin\"%'")).isEqualTo(1);
        VerifyAudit.Break broken = broken(null);
        assertThat(broken.seq()).isEqualTo(1);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.EDITED);
    }

    @Test
    void anEditedTimeIsNamed() throws Exception {
        AuditChains.execute(database, "UPDATE audit_entry SET at = at + INTERVAL '1' HOUR WHERE seq = 6");
        assertThat(broken(null)).extracting(VerifyAudit.Break::seq, VerifyAudit.Break::problem).containsExactly(6L, VerifyAudit.Problem.EDITED);
    }

    @Test
    void aDeletedEntryIsNamedAsMissing() throws Exception {
        AuditChains.execute(database, "DELETE FROM audit_entry WHERE seq = 4");
        VerifyAudit.Break broken = broken(null);
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.MISSING);
        assertThat(broken.message()).isEqualTo("entry 4 is missing: the chain goes from entry 3 to entry 5 (deleted)");
    }

    @Test
    void anInsertedEntryIsNamed() throws Exception {
        // Make room at 4 (in two steps: PostgreSQL checks the key row by row), then insert an entry
        // that links properly to entry 3 and whose own hash is right, and move the head on.
        AuditChains.execute(database, "UPDATE audit_entry SET seq = seq + 1000 WHERE seq >= 4");
        AuditChains.execute(database, "UPDATE audit_entry SET seq = seq - 999 WHERE seq >= 1004");
        String prev = AuditChains.hashOf(database, 3);
        Instant at = Instant.parse("2026-11-30T10:00:04.000Z");
        String after = "{\"role\":\"admin\",\"user\":\"mallory\"}";
        String hash = CanonicalForm.hash(prev, CanonicalForm.of(4, at, "cli:auditor", "user.add", "user:mallory", null,
                Json.mapper().readTree(after)));
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO audit_entry (seq, at, actor, action, target, after_json, prev_hash, entry_hash) VALUES (4, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
            st.setString(2, "cli:auditor");
            st.setString(3, "user.add");
            st.setString(4, "user:mallory");
            st.setString(5, after);
            st.setString(6, prev);
            st.setString(7, hash);
            st.executeUpdate();
        }
        AuditChains.execute(database, "UPDATE audit_head SET seq = 8");

        VerifyAudit.Break broken = broken(null);
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.INSERTED);
        assertThat(broken.message()).isEqualTo("entry 4 was inserted: entry 5 links past it, to entry 3");
    }

    @Test
    void twoEntriesSwappedAreNamed() throws Exception {
        AuditChains.execute(database, "UPDATE audit_entry SET seq = -1 WHERE seq = 3");
        AuditChains.execute(database, "UPDATE audit_entry SET seq = 3 WHERE seq = 4");
        AuditChains.execute(database, "UPDATE audit_entry SET seq = 4 WHERE seq = -1");
        VerifyAudit.Break broken = broken(null);
        assertThat(broken.seq()).isEqualTo(3);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.LINK_BROKEN);
        assertThat(broken.message()).startsWith("entry 3 does not follow entry 2: it links to hash ");
    }

    @Test
    void contentsSwappedUnderTheirSeqsAreNamed() throws Exception {
        // Swap everything but seq between entries 5 and 6: both are then wrong, 5 first.
        AuditChains.execute(database, "UPDATE audit_entry SET seq = -5 WHERE seq = 5");
        AuditChains.execute(database, "UPDATE audit_entry SET seq = 5 WHERE seq = 6");
        AuditChains.execute(database, "UPDATE audit_entry SET seq = 6 WHERE seq = -5");
        assertThat(broken(null).seq()).isEqualTo(5);
    }

    @Test
    void entriesDeletedFromTheEndAreNamedByTheHead() throws Exception {
        AuditChains.execute(database, "DELETE FROM audit_entry WHERE seq > 5");
        VerifyAudit.Break broken = broken(null);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.TRUNCATED);
        assertThat(broken.seq()).isEqualTo(6);
        assertThat(broken.message()).isEqualTo("the chain ends at entry 5 but its head is entry 7: entries 6 to 7 were deleted from the end");
    }

    @Test
    void aTruncationThatMovedTheHeadBackIsCaughtByTheNotedHead() throws Exception {
        String noted = new AuditEntry.Head(7, AuditChains.hashOf(database, 7)).toString();
        assertThat(AuditChains.verify(database, noted).broken()).isEmpty();
        AuditChains.execute(database, "DELETE FROM audit_entry WHERE seq > 5");
        AuditChains.execute(database, "UPDATE audit_head SET seq = 5, entry_hash = '" + AuditChains.hashOf(database, 5) + "'");

        assertThat(AuditChains.verify(database, null).broken()).as("the shorter chain is whole in itself").isEmpty();
        VerifyAudit.Break broken = broken(noted);
        assertThat(broken.problem()).isEqualTo(VerifyAudit.Problem.CUT);
        assertThat(broken.seq()).isEqualTo(6);
        assertThat(broken.message()).isEqualTo("the chain ends at entry 5, before the noted head 7: entries 6 to 7 were cut from the end");
    }

    @Test
    void aLastEntryRewrittenWithItsHashIsCaughtByTheNotedHead() throws Exception {
        String noted = new AuditEntry.Head(7, AuditChains.hashOf(database, 7)).toString();
        String prev = AuditChains.hashOf(database, 6);
        AuditEntry last = new QueryAudit(database.dataSource()).run(new QueryAudit.Request(null, null, null, 1)).orElseThrow(f -> new IllegalStateException(f.message())).get(0);
        String hash = CanonicalForm.hash(prev, CanonicalForm.of(7, last.at(), "nobody", last.action(), last.target(), last.before(), last.after()));
        AuditChains.execute(database, "UPDATE audit_entry SET actor = 'nobody', entry_hash = '" + hash + "' WHERE seq = 7");
        AuditChains.execute(database, "UPDATE audit_head SET entry_hash = '" + hash + "'");

        assertThat(AuditChains.verify(database, null).broken()).isEmpty();
        assertThat(broken(noted)).extracting(VerifyAudit.Break::seq, VerifyAudit.Break::problem).containsExactly(7L, VerifyAudit.Problem.REWRITTEN);
    }

    @Test
    void anEntryPastTheHeadIsNamed() throws Exception {
        String prev = AuditChains.hashOf(database, 7);
        Instant at = Instant.parse("2026-11-30T11:00:00Z");
        String hash = CanonicalForm.hash(prev, CanonicalForm.of(8, at, "x", "user.add", "user:x", null, null));
        try (Connection c = database.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(
                "INSERT INTO audit_entry (seq, at, actor, action, target, prev_hash, entry_hash) VALUES (8, ?, 'x', 'user.add', 'user:x', ?, ?)")) {
            st.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
            st.setString(2, prev);
            st.setString(3, hash);
            st.executeUpdate();
        }
        assertThat(broken(null)).extracting(VerifyAudit.Break::seq, VerifyAudit.Break::problem).containsExactly(8L, VerifyAudit.Problem.PAST_HEAD);
    }

    @Test
    void aHeadThatNamesAnotherHashIsNamed() throws Exception {
        AuditChains.execute(database, "UPDATE audit_head SET entry_hash = '" + "ab".repeat(32) + "'");
        assertThat(broken(null)).extracting(VerifyAudit.Break::seq, VerifyAudit.Break::problem).containsExactly(7L, VerifyAudit.Problem.HEAD_MISMATCH);
    }

    @Test
    void aMalformedNotedHeadIsAUsageProblem() {
        assertThat(new VerifyAudit(database.dataSource()).run(new VerifyAudit.Request("7:abc")))
                .isInstanceOf(org.a4p.app.Outcome.Failed.class);
        assertThat(AuditChains.verify(database, "7:" + "0".repeat(64)).broken().orElseThrow().problem()).isEqualTo(VerifyAudit.Problem.REWRITTEN);
    }
}
