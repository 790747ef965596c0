-- The tamper-evident audit trail (org.a4p.audit.AuditTrail): append-only entries chained by
-- SHA-256, each entry's hash covering the previous entry's hash and its own canonical form.

CREATE TABLE audit_entry (
    -- Gapless from 1: a missing number is a deleted entry.
    seq             BIGINT       NOT NULL PRIMARY KEY,
    at              TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(256) NOT NULL,
    action          VARCHAR(64)  NOT NULL,
    target          VARCHAR(512) NOT NULL,
    before_json     VARCHAR(1000000),
    after_json      VARCHAR(1000000),
    prev_hash       CHAR(64)     NOT NULL,
    entry_hash      CHAR(64)     NOT NULL
);
CREATE INDEX ix_audit_entry_at ON audit_entry (at);
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, seq);
CREATE INDEX ix_audit_entry_action ON audit_entry (action, seq);

-- The chain's last entry, in one row that is also its lock: an append reads it FOR UPDATE in the
-- appending transaction, so appends of every app instance on one database queue up and the chain
-- cannot fork. Seq 0 and 64 zeros before the first entry.
CREATE TABLE audit_head (
    id              INTEGER      NOT NULL PRIMARY KEY CHECK (id = 1),
    seq             BIGINT       NOT NULL,
    entry_hash      CHAR(64)     NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
