package org.a4p.orgunit;

import java.time.LocalDate;

/**
 * A node of the org-unit tree: a scope (all peacekeeping operations, all special political
 * missions), a mission, or a site. Dates and coordinates may be null when the source has none.
 */
public record OrgUnit(
        String code,
        String name,
        Level level,
        String parent,
        String scope,
        LocalDate start,
        LocalDate end,
        Double latitude,
        Double longitude) {

    public enum Level {
        SCOPE, MISSION, SITE
    }

    /** True when the date falls within the mission's life; unknown dates do not restrict. */
    public boolean isActiveOn(LocalDate date) {
        return (start == null || !date.isBefore(start)) && (end == null || !date.isAfter(end));
    }
}
