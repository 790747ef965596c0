package org.a4p.explain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * Why one value is what it is: the value now ({@code records} behind it), and each submission or
 * release that changed it, oldest first. For the public, {@code value} and {@code records} are the
 * latest release's (null when suppressed or withdrawn).
 */
public record Explanation(String indicator, String orgUnit, String period, Double value, Long records, List<Change> changes) {

    public Explanation {
        changes = List.copyOf(changes);
    }

    /**
     * One submission (staff) or one release (public) that moved the value {@code from} one figure
     * {@code to} another (null: no value, or suppressed in a release), with the records whose
     * change moved it (none for a release). {@code at}: when the submission's records were written,
     * or when the release was published. The rest is for readable output, not for JSON.
     */
    public record Change(Long submission, Integer release, Instant at, Double from, Double to, List<RecordChange> records,
            @JsonIgnore String recordType, @JsonIgnore String fileName, @JsonIgnore String releaseChange,
            @JsonIgnore boolean suppressed) {

        public Change {
            records = List.copyOf(records);
        }
    }

    /** {@code change}: added, retired or revised; {@code fields} the fields a revision changed (none otherwise). */
    public record RecordChange(String key, String change, List<FieldChange> fields) {
        public static final String ADDED = "added";
        public static final String RETIRED = "retired";
        public static final String REVISED = "revised";

        public RecordChange {
            fields = List.copyOf(fields);
        }
    }

    /** A field a revision changed; {@code from} and {@code to} are null when the caller may not see the field ({@code withheld}). */
    public record FieldChange(String field, String from, String to, @JsonIgnore boolean withheld) {}
}
