package org.a4p.indicators;

import java.util.Map;
import java.util.TreeMap;

/**
 * The running partial of one aggregate for one org unit, period and disaggregation. Partials
 * from the database are added in; the aggregate's value is read at the end.
 */
final class Accumulator {
    double sum;
    long count;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    /** For last(): the latest date seen and the sum and count of records on it. */
    int lastDay = Integer.MIN_VALUE;
    double lastSum;
    long lastCount;
    /** For median(): how many records had each value. */
    TreeMap<Double, Long> histogram;
    boolean synthetic;
    /** True when a record behind the partial was accepted despite a plausibility rule. */
    boolean flagged;
    /** True when a record behind the partial is from a submission not yet approved. */
    boolean provisional;

    /** Adds a partial: its measure (a sum, a minimum or a maximum) and its record count. */
    void add(double measure, long partialCount) {
        if (partialCount == 0) {
            return;
        }
        sum += measure;
        count += partialCount;
        min = Math.min(min, measure);
        max = Math.max(max, measure);
    }

    void addLast(int day, double partialSum, long partialCount) {
        if (partialCount == 0) {
            return;
        }
        if (day > lastDay) {
            lastDay = day;
            lastSum = 0;
            lastCount = 0;
        }
        if (day == lastDay) {
            lastSum += partialSum;
            lastCount += partialCount;
        }
    }

    void addValue(double value, long times) {
        if (histogram == null) {
            histogram = new TreeMap<>();
        }
        histogram.merge(value, times, Long::sum);
        count += times;
    }

    Double median() {
        if (histogram == null || count == 0) {
            return null;
        }
        long lower = (count - 1) / 2;
        long upper = count / 2;
        Double lowValue = null;
        long seen = 0;
        for (Map.Entry<Double, Long> entry : histogram.entrySet()) {
            long next = seen + entry.getValue();
            if (lowValue == null && lower < next) {
                lowValue = entry.getKey();
            }
            if (upper < next) {
                return (lowValue + entry.getKey()) / 2;
            }
            seen = next;
        }
        return lowValue;
    }
}
