-- The partial aggregates of each record type at its finest grain (mission, site, month or day, the
-- disaggregation fields' values), kept up to date by every refresh: a refresh after a submission
-- recomputes the partials of the mission-months it changed from their records, then rolls the
-- partials up instead of rescanning every record; a full refresh rolls up the partials alone.
-- histogram 0 holds the plain aggregates of the group, 16 bytes each (measure, records) in the
-- order of the layout; histogram n > 0 holds, for the layout's n-th median, how many records
-- (times) had the value hvalue. Derived data: rebuilt from the records whenever in doubt.
CREATE TABLE indicator_partial (
    record_type  VARCHAR(64)   NOT NULL,
    mission      VARCHAR(64),
    site         VARCHAR(128),
    period_day   DATE          NOT NULL,
    dims         VARCHAR(2000) NOT NULL,
    histogram    INTEGER       NOT NULL,
    hvalue       DOUBLE PRECISION,
    times        BIGINT,
    measures     BYTEA,
    synthetic    BOOLEAN       NOT NULL,
    flagged      BOOLEAN       NOT NULL,
    provisional  BOOLEAN       NOT NULL
);
CREATE INDEX ix_indicator_partial ON indicator_partial (record_type, period_day, mission);

-- Which layout (the pack's aggregates and grouping fields for the type, as a digest) the partials
-- of each record type were computed for. No row, or another digest: the partials are rebuilt.
CREATE TABLE indicator_partial_layout (
    record_type  VARCHAR(64) PRIMARY KEY,
    digest       VARCHAR(64) NOT NULL
);
