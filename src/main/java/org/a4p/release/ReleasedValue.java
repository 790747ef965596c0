package org.a4p.release;

/**
 * One version of a value as releases publish it: {@code release} added it ({@code change} {@code
 * added}: published for the first time) or revised it; or, for {@code withdrawn}, took it out (its
 * value and records are null). Suppressed values hold no value and no records. {@code firstRelease}
 * first published the value; {@code supersededIn} is the release that revised or withdrew this
 * version (null while it is the latest).
 */
public record ReleasedValue(int release, String indicator, String orgUnit, String period, String disaggregation, String change,
        Double value, Long records, boolean synthetic, boolean flagged, boolean suppressed, int firstRelease, Integer supersededIn) {

    public static final String ADDED = "added";
    public static final String REVISED = "revised";
    public static final String WITHDRAWN = "withdrawn";

    /** Same figure and same marks: a release that holds it again does not revise it. */
    boolean sameAs(ReleasedValue other) {
        return java.util.Objects.equals(value, other.value) && java.util.Objects.equals(records, other.records)
                && synthetic == other.synthetic && flagged == other.flagged && suppressed == other.suppressed;
    }
}
