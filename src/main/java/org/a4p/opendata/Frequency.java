package org.a4p.opendata;

import org.a4p.indicators.Grain;

/** How often a value's period comes round, with SDMX's codes for it: A (a year), Q (a quarter), M (a month). */
enum Frequency {
    A("annual", "annuelle"),
    Q("quarterly", "trimestrielle"),
    M("monthly", "mensuelle");

    private final String label;
    private final String labelFr;

    Frequency(String label, String labelFr) {
        this.label = label;
        this.labelFr = labelFr;
    }

    String label() {
        return label;
    }

    String labelFr() {
        return labelFr;
    }

    /** The frequency of a period label (2020, 2020-Q3, 2020-07). */
    static Frequency of(String period) {
        Grain grain = Grain.of(period);
        if (grain == null) {
            throw new IllegalArgumentException("not a period: '" + period + "'");
        }
        return switch (grain) {
            case YEAR -> A;
            case QUARTER -> Q;
            case MONTH -> M;
        };
    }
}
