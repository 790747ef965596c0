package org.a4p.progress;

import java.util.List;

/**
 * The priorities of A4P+ for one org unit and year, each with its headline indicators; or, in the
 * commitment-area view, each A4P commitment area with every indicator that moves it.
 */
public record Scorecard(String orgUnit, String orgUnitName, int year, boolean synthetic, List<PriorityRow> priorities) {

    /** The commitment-area view as it is written out: the same rows under their own name. */
    public record ByCommitmentArea(String orgUnit, String orgUnitName, int year, boolean synthetic, List<PriorityRow> commitmentAreas) {
        public ByCommitmentArea(Scorecard card) {
            this(card.orgUnit(), card.orgUnitName(), card.year(), card.synthetic(), card.priorities());
        }
    }

    public record PriorityRow(String id, String name, List<IndicatorRow> indicators) {}

    /**
     * One indicator's row: its value against its target ({@code status}) and against its value in
     * {@code baselineYear} ({@code trend}; {@code baselineValue} null when that year has none).
     */
    public record IndicatorRow(String id, String name, Double value, String unit, Double target, Status status,
            Trend trend, int baselineYear, Double baselineValue, long records, boolean synthetic, boolean flagged) {}
}
