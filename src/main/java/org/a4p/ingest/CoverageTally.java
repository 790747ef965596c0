package org.a4p.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.a4p.pack.RecordType;
import org.a4p.workflow.LockStore.MissionMonth;

/**
 * The mission-months one submission's records fall in, and those it changes (adds, revises or
 * retires a record in, counting a revised record's old month too), with the first row that does:
 * what a lock is checked against and what an approval locks.
 */
final class CoverageTally {
    /** Where a change to a mission-month comes from; row 0 for a record retired because the file no longer holds it. */
    record Where(String file, long row) {}

    private final int missionIndex;
    private final int dateIndex;
    private final Map<MissionMonth, Integer> counts = new TreeMap<>(
            java.util.Comparator.comparing(MissionMonth::month).thenComparing(MissionMonth::mission));
    private final Map<MissionMonth, Where> changed = new LinkedHashMap<>();

    CoverageTally(RecordType type) {
        this.missionIndex = type.fields().indexOf(type.field(type.missionField()).orElseThrow());
        this.dateIndex = type.fields().indexOf(type.field(type.dateField()).orElseThrow());
    }

    /** A record the submission holds. */
    void count(Object[] values) {
        MissionMonth month = of(values);
        if (month != null) {
            counts.merge(month, 1, Integer::sum);
        }
    }

    /** A record the submission changes, from the file and row given. */
    void changed(Object[] values, String file, long row) {
        MissionMonth month = of(values);
        if (month != null) {
            changed.putIfAbsent(month, new Where(file, row));
        }
    }

    /** A stored record's old version that the submission revises or retires. */
    void replaced(Object[] oldValues, String file, long row) {
        MissionMonth month = of(oldValues);
        if (month != null) {
            counts.putIfAbsent(month, 0);
            changed.putIfAbsent(month, new Where(file, row));
        }
    }

    List<SubmissionStore.Coverage> coverage() {
        List<SubmissionStore.Coverage> out = new ArrayList<>(counts.size());
        counts.forEach((month, records) -> out.add(new SubmissionStore.Coverage(month.mission(), month.month(), records)));
        return out;
    }

    Map<MissionMonth, Where> changed() {
        return changed;
    }

    private MissionMonth of(Object[] values) {
        Object mission = values[missionIndex];
        Object date = values[dateIndex];
        if (mission == null || !(date instanceof LocalDate day)) {
            return null;
        }
        // Built by hand, not String.format: this runs for every row of an import, twice.
        int year = day.getYear();
        int month = day.getMonthValue();
        String label = year >= 1000 && year <= 9999 ? year + (month < 10 ? "-0" : "-") + month
                : String.format(java.util.Locale.ROOT, "%04d-%02d", year, month);
        return new MissionMonth(mission.toString(), label);
    }
}
