package org.a4p.geo;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An RFC 7946 FeatureCollection of org units as points, with foreign members that say what the
 * values are: the {@code indicator} (null when none was asked), the {@code period} they are of (null
 * when nothing is published), whether that period was the default (the latest year with a shown
 * value), and how many org units were left out for want of coordinates.
 */
public record FeatureCollection(String type, String indicator, String period, boolean periodIsDefault, int withoutCoordinates,
        List<Feature<?>> features) {

    public FeatureCollection(String indicator, String period, boolean periodIsDefault, int withoutCoordinates, List<Feature<?>> features) {
        this("FeatureCollection", indicator, period, periodIsDefault, withoutCoordinates, List.copyOf(features));
    }

    /** A point feature; {@code id} is the org unit's code. */
    public record Feature<P>(String type, String id, Point geometry, P properties) {
        Feature(String id, Point geometry, P properties) {
            this("Feature", id, geometry, properties);
        }
    }

    /**
     * Coordinates in RFC 7946's order: longitude, then latitude (WGS 84), as precise as the pack
     * gives them (decimals, so the figures' rounding to 4 places does not move a site by metres).
     */
    public record Point(String type, List<BigDecimal> coordinates) {
        static Point at(double latitude, double longitude) {
            return new Point("Point", List.of(BigDecimal.valueOf(longitude), BigDecimal.valueOf(latitude)));
        }
    }

    /** A mission's properties; {@code figure} is absent when no indicator was asked. */
    public record Mission(String code, String name, String scope, LocalDate start, LocalDate end, @JsonUnwrapped Figure figure) {}

    /** A site's properties; {@code figure} is absent when no indicator was asked. */
    public record Site(String code, String name, String mission, @JsonUnwrapped Figure figure) {}

    /**
     * The published value of the indicator for the org unit and period. Suppressed (a small cell):
     * {@code value} and {@code records} are null and {@code suppressed} is true. Nothing published:
     * both null and {@code suppressed} false.
     */
    public record Figure(String period, Double value, Long records, boolean suppressed, boolean flagged, boolean synthetic) {}
}
