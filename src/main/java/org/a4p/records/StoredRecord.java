package org.a4p.records;

/** What the store knows of a record already written: enough to classify a re-import cheaply. */
public record StoredRecord(long id, long rowHash, int rowVersion, boolean retired) {}
