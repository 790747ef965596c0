package org.a4p.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;

/**
 * Walks the audit trail in seq order, a page at a time, and names the first entry that is not as it
 * was appended: seq gapless from 1, each entry linked to the one before, each hash matching its
 * content, the head matching the last entry. With a head noted earlier it also tells whether the
 * chain still holds it, which the chain alone cannot: cutting entries off the end and moving the head
 * back leaves a shorter chain that is intact.
 */
public final class VerifyAudit {
    private static final int PAGE = 1_000;
    private static final Pattern HEAD = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    /** {@code expect} is a head printed by an earlier verify ({@code SEQ:HASH}), or null. */
    public record Request(String expect) {}

    public enum Problem { EDITED, MISSING, INSERTED, LINK_BROKEN, TRUNCATED, HEAD_MISMATCH, PAST_HEAD, CUT, REWRITTEN, NO_HEAD }

    /** The first entry found wrong, what is wrong with it, and that in words. */
    public record Break(long seq, Problem problem, String message) {}

    /** {@code entries} walked; {@code first} and {@code last} their times (null when none). */
    public record Report(long entries, Instant first, Instant last, AuditEntry.Head head, Optional<Break> broken) {
        public boolean intact() {
            return broken.isEmpty();
        }
    }

    private final DataSource dataSource;

    public VerifyAudit(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Outcome<Report> run(Request request) {
        AuditEntry.Head expect = null;
        if (request.expect() != null) {
            Matcher m = HEAD.matcher(request.expect().trim().toLowerCase(java.util.Locale.ROOT));
            if (!m.matches()) {
                return Outcome.failed(Failure.invalid("--expect takes a head as verify prints it, SEQ:HASH (a number, a colon and 64 hex"
                        + " digits), got '" + request.expect() + "'"));
            }
            expect = new AuditEntry.Head(Long.parseLong(m.group(1)), m.group(2));
        }
        try (Connection connection = dataSource.getConnection()) {
            return Outcome.ok(new Walk(new AuditStore(connection), expect).run());
        } catch (SQLException e) {
            throw new AuditException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** One walk of the chain: the state carried from entry to entry. */
    private static final class Walk {
        private final AuditStore store;
        private final AuditEntry.Head expect;
        private long count;
        private Instant first;
        private Instant last;
        private String previousHash = CanonicalForm.GENESIS;
        private String hashBeforePrevious;

        Walk(AuditStore store, AuditEntry.Head expect) {
            this.store = store;
            this.expect = expect;
        }

        Report run() throws SQLException {
            Optional<AuditStore.HeadState> state = store.headState();
            if (state.isEmpty()) {
                return report(AuditEntry.Head.EMPTY, new Break(0, Problem.NO_HEAD, "the chain's head (table audit_head) has no row: it was deleted"));
            }
            AuditEntry.Head head = state.get().head();
            // Up to the head read above: entries appended while we walk are the next verify's.
            for (long after = 0; ; ) {
                List<AuditEntry> page = store.page(after, head.seq(), PAGE);
                for (AuditEntry entry : page) {
                    Optional<Break> broken = check(entry);
                    if (broken.isPresent()) {
                        return report(head, broken.get());
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
            return report(head, end(head, state.get().maxSeq()));
        }

        private Optional<Break> check(AuditEntry entry) {
            long seq = count + 1;
            if (entry.seq() != seq) {
                return Optional.of(new Break(seq, Problem.MISSING, entry.seq() == seq + 1
                        ? "entry " + seq + " is missing: the chain goes from entry " + (seq - 1) + " to entry " + entry.seq() + " (deleted)"
                        : "entries " + seq + " to " + (entry.seq() - 1) + " are missing: the chain goes from entry " + (seq - 1) + " to entry "
                                + entry.seq() + " (deleted)"));
            }
            if (!entry.prevHash().equals(previousHash)) {
                if (entry.prevHash().equals(hashBeforePrevious)) {
                    return Optional.of(new Break(seq - 1, Problem.INSERTED, "entry " + (seq - 1) + " was inserted: entry " + seq
                            + " links past it, to entry " + (seq - 2)));
                }
                return Optional.of(new Break(seq, Problem.LINK_BROKEN, "entry " + seq + " does not follow entry " + (seq - 1)
                        + ": it links to hash " + shortHash(entry.prevHash()) + ", entry " + (seq - 1) + "'s is " + shortHash(previousHash)
                        + " (entries inserted or reordered here, or entry " + (seq - 1) + " rewritten with a new hash)"));
            }
            String recomputed = CanonicalForm.hash(entry.prevHash(), CanonicalForm.of(entry.seq(), entry.at(), entry.actor(), entry.action(),
                    entry.target(), entry.before(), entry.after()));
            if (!recomputed.equals(entry.entryHash())) {
                return Optional.of(new Break(seq, Problem.EDITED, "entry " + seq + " was edited: its hash " + shortHash(entry.entryHash())
                        + " does not match its content (which hashes to " + shortHash(recomputed) + ")"));
            }
            if (expect != null && expect.seq() == seq && !expect.entryHash().equals(entry.entryHash())) {
                return Optional.of(new Break(seq, Problem.REWRITTEN, "entry " + seq + "'s hash is " + shortHash(entry.entryHash())
                        + ", not " + shortHash(expect.entryHash()) + " as noted: the chain was rewritten up to entry " + seq + " since"));
            }
            count++;
            first = first == null ? entry.at() : first;
            last = entry.at();
            hashBeforePrevious = previousHash;
            previousHash = entry.entryHash();
            return Optional.empty();
        }

        /** The checks after the last entry: the head, what lies past it, and the noted head. */
        private Break end(AuditEntry.Head head, long maxSeq) {
            if (count < head.seq()) {
                return new Break(count + 1, Problem.TRUNCATED, "the chain ends at entry " + count + " but its head is entry " + head.seq()
                        + ": entries " + (count + 1) + " to " + head.seq() + " were deleted from the end");
            }
            if (!head.entryHash().equals(previousHash)) {
                return new Break(head.seq(), Problem.HEAD_MISMATCH, "the head names entry " + head.seq() + " with hash "
                        + shortHash(head.entryHash()) + ", but that entry's hash is " + shortHash(previousHash) + " (head or entry rewritten)");
            }
            if (maxSeq > head.seq()) {
                return new Break(head.seq() + 1, Problem.PAST_HEAD, "entries " + (head.seq() + 1) + " to " + maxSeq
                        + " lie past the head (entry " + head.seq() + "): written outside the audit trail, or the head was moved back");
            }
            if (expect != null && expect.seq() > head.seq()) {
                return new Break(head.seq() + 1, Problem.CUT, "the chain ends at entry " + head.seq() + ", before the noted head "
                        + expect.seq() + ": entries " + (head.seq() + 1) + " to " + expect.seq() + " were cut from the end");
            }
            return null;
        }

        private Report report(AuditEntry.Head head, Break broken) {
            return new Report(count, first, last, head, Optional.ofNullable(broken));
        }

        private static String shortHash(String hash) {
            return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
        }
    }
}
