package org.a4p.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of the audit trail as stored: its event, its place in the chain and the hashes that link it. */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, JsonNode before, JsonNode after,
        String prevHash, String entryHash) {

    /** Where the chain ends: what {@code a4p audit verify} prints and {@code --expect} takes, {@code SEQ:HASH}. */
    public record Head(long seq, String entryHash) {
        public static final Head EMPTY = new Head(0, CanonicalForm.GENESIS);

        @Override
        public String toString() {
            return seq + ":" + entryHash;
        }
    }
}
