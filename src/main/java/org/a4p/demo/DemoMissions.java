package org.a4p.demo;

import java.time.LocalDate;
import java.util.List;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;

/** Which peacekeeping operations the demo generates records for, month by month. */
final class DemoMissions {
    static final int FIRST_YEAR = 2017;
    static final int LAST_YEAR = 2024;

    private DemoMissions() {}

    /** Peacekeeping operations active at some point in the month. */
    static List<OrgUnit> active(OrgUnits orgUnits, int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        return orgUnits.missions().stream()
                .filter(m -> m.scope().equals(orgUnits.defaultScope()) && m.start() != null)
                .filter(m -> !m.start().isAfter(last) && (m.end() == null || !m.end().isBefore(first)))
                .toList();
    }

    /** A day of the month within the mission's life, or null when the mission was not active that day. */
    static LocalDate dayIn(java.util.Random random, int year, int month, OrgUnit mission) {
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate day = first.plusDays(random.nextInt(first.lengthOfMonth()));
        return mission.isActiveOn(day) ? day : null;
    }
}
