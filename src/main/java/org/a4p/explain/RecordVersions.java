package org.a4p.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One record's states over time, from its earlier versions in {@code record_history} and its current
 * row: each event is a submission that wrote a version of it (live) or retired it (the last version
 * kept, not live).
 */
final class RecordVersions {
    /** A version of a record: field name to value as text (null when absent), as {@code data_json} holds it. */
    record Version(int rowVersion, Map<String, String> values, long writtenBy) {}

    /** The record as a submission left it. */
    record Event(long submission, Map<String, String> values, boolean live) {}

    private RecordVersions() {}

    /**
     * The events of a record, oldest first. {@code earlier}: its history rows in the order they were
     * kept, each with the submission that replaced it; {@code current} its row now, {@code retiredBy}
     * null unless it is retired. A history row followed by one of the same row version was retired
     * (the retirement keeps the version, then a later import may restore it as a new version).
     */
    static List<Event> events(List<Version> earlier, List<Long> replacedBy, Version current, Long retiredBy) {
        List<Version> versions = new ArrayList<>(earlier);
        versions.add(current);
        List<Event> out = new ArrayList<>();
        out.add(new Event(versions.get(0).writtenBy(), versions.get(0).values(), true));
        for (int i = 0; i < earlier.size(); i++) {
            Version kept = versions.get(i);
            Version next = versions.get(i + 1);
            long by = replacedBy.get(i);
            if (next.rowVersion() == kept.rowVersion()) {
                out.add(new Event(by, kept.values(), false));
            } else {
                out.add(new Event(by, next.values(), true));
            }
        }
        Event last = out.get(out.size() - 1);
        if (retiredBy != null && (last.live() || last.submission() != retiredBy)) {
            out.add(new Event(retiredBy, current.values(), false));
        }
        return out;
    }
}
