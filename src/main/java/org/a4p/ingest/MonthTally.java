package org.a4p.ingest;

/**
 * What a plausibility rule adds up over the records of one group and month. {@code changed} is set
 * when the import adds or revises one of them: only such months are judged, and their rows listed.
 */
final class MonthTally {
    double numerator;
    double denominator;
    long records;
    RowSample rows;

    void add(double numeratorValue, double denominatorValue) {
        numerator += numeratorValue;
        denominator += denominatorValue;
        records++;
    }

    void changedAt(String file, long row) {
        if (rows == null) {
            rows = new RowSample();
        }
        rows.add(file, row);
    }

    boolean changed() {
        return rows != null;
    }
}
