-- The web pages read one indicator in every org unit (a chart by mission, a table by org unit and
-- year). The primary key begins with the org unit, so without this index each such read scanned
-- the whole table: 0.7-1 s per indicator on the demo's 851,940 values once they no longer sat in
-- H2's cache, 11-14 s for a priority page's fourteen. A refresh writes values by their full key,
-- so this index costs it one more entry per changed value, and reads nothing through it.
CREATE INDEX ix_indicator_value_indicator ON indicator_value (indicator_id, grain, disaggregation);
