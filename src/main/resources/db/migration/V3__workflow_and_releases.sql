-- The approval workflow and releases. A submission moves draft > submitted > approved, or is
-- returned; an approved one locks its mission-months until an analyst reopens it. A release is an
-- immutable, numbered copy of the public values of approved data.

-- Who moved a submission to its present status, when, and why (a return's or a reopening's reason).
ALTER TABLE submission ADD COLUMN status_by VARCHAR(128);
ALTER TABLE submission ADD COLUMN status_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE submission ADD COLUMN status_reason VARCHAR(2000);
-- Data accepted before the workflow existed was in every figure: it stands as approved.
UPDATE submission SET status = 'approved', status_by = 'migration', status_at = submitted_at WHERE status = 'submitted';

-- The mission-months a submission's records fall in (every record it wrote, added, revised or retired).
CREATE TABLE submission_coverage (
    submission_id   BIGINT       NOT NULL REFERENCES submission (id),
    mission         VARCHAR(64)  NOT NULL,
    period_month    CHAR(7)      NOT NULL,
    records         INTEGER      NOT NULL,
    PRIMARY KEY (submission_id, mission, period_month)
);

-- A draft's file, kept as sent until it is submitted (then validated again and written) or returned.
CREATE TABLE submission_draft (
    submission_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES submission (id),
    content         BYTEA        NOT NULL
);

-- Mission-months of a record type that an approval locked: an import that would change a record
-- in one is refused until an analyst reopens the submission that holds the lock.
CREATE TABLE period_lock (
    record_type     VARCHAR(64)  NOT NULL,
    mission         VARCHAR(64)  NOT NULL,
    period_month    CHAR(7)      NOT NULL,
    submission_id   BIGINT       NOT NULL REFERENCES submission (id),
    PRIMARY KEY (record_type, mission, period_month, submission_id)
);
CREATE INDEX ix_period_lock_submission ON period_lock (submission_id);

-- One row per record type, locked FOR UPDATE by every import's write and every workflow step of
-- that type: two app instances never interleave a lock check with an approval.
CREATE TABLE record_type_guard (
    record_type     VARCHAR(64)  NOT NULL PRIMARY KEY
);

-- Releases, numbered from 1. The one row of release_counter is locked while one is published.
CREATE TABLE release_counter (
    id              INTEGER      NOT NULL PRIMARY KEY,
    last_number     INTEGER      NOT NULL
);
INSERT INTO release_counter (id, last_number) VALUES (1, 0);

CREATE TABLE app_release (
    release_number  INTEGER      NOT NULL PRIMARY KEY,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by    VARCHAR(128) NOT NULL,
    note            VARCHAR(2000),
    values_count    INTEGER      NOT NULL,
    added           INTEGER      NOT NULL,
    revised         INTEGER      NOT NULL,
    withdrawn       INTEGER      NOT NULL,
    submissions     INTEGER      NOT NULL,
    -- SHA-256 of the release's values in canonical order: a copy can be checked against it.
    content_sha256  CHAR(64)     NOT NULL
);

-- Every value every release published, one row per version: a row is written by the release that
-- added or revised the value (release_number) and closed by the one that revised or withdrew it
-- (superseded_in); nothing else about it ever changes. Release N holds the rows with release_number
-- <= N and superseded_in NULL or > N; the latest release, those with superseded_in NULL.
CREATE TABLE release_value (
    indicator_id    VARCHAR(64)  NOT NULL,
    org_unit        VARCHAR(64)  NOT NULL,
    period          VARCHAR(10)  NOT NULL,
    disaggregation  VARCHAR(128) NOT NULL,
    release_number  INTEGER      NOT NULL,
    superseded_in   INTEGER,
    change_kind     VARCHAR(16)  NOT NULL,
    first_release   INTEGER      NOT NULL,
    grain           CHAR(1)      NOT NULL,
    period_year     INTEGER      NOT NULL,
    amount          DOUBLE PRECISION,
    records         BIGINT,
    synthetic       BOOLEAN      NOT NULL,
    flagged         BOOLEAN      NOT NULL,
    suppressed      BOOLEAN      NOT NULL,
    PRIMARY KEY (indicator_id, org_unit, period, disaggregation, release_number)
);
-- Public pages read one org unit's values; a release lists what it closed.
CREATE INDEX ix_release_value_org_unit ON release_value (org_unit, grain);
CREATE INDEX ix_release_value_superseded ON release_value (superseded_in, indicator_id);

-- A value a record from a submission not yet approved feeds is provisional in staff views.
ALTER TABLE indicator_value ADD COLUMN provisional BOOLEAN DEFAULT FALSE NOT NULL;
