package org.a4p.progress;

import java.util.List;

/** The priorities of A4P+ for one org unit and year, each with its headline indicators. */
public record Scorecard(String orgUnit, String orgUnitName, int year, boolean synthetic, List<PriorityRow> priorities) {

    public record PriorityRow(String id, String name, List<IndicatorRow> indicators) {}

    public record IndicatorRow(String id, String name, Double value, String unit, Double target, Status status,
            long records, boolean synthetic, boolean flagged) {}
}
