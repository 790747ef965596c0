package org.a4p.progress;

/** How a value stands against its target. */
public enum Status {
    ON_TRACK("on track"),
    AT_RISK("at risk"),
    OFF_TRACK("off track"),
    NO_DATA("no data"),
    NO_TARGET("no target set");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The JSON and CSV spelling: on_track, at_risk, off_track, no_data, no_target. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
