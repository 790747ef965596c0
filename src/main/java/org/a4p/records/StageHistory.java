package org.a4p.records;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;
import org.a4p.pack.Stages;

/**
 * The dated stage history of cases. Events arrive in any order and may be backdated: a case's
 * derived stage dates are recomputed from all its events each time one arrives.
 */
public final class StageHistory {

    /** A case was at a stage on a date. */
    public record Event(String stage, LocalDate on) {}

    private final RecordType type;
    private final Stages stages;
    private final Map<String, Set<Event>> byKey = new HashMap<>();
    private final List<String[]> added = new ArrayList<>();

    private StageHistory(RecordType type) {
        this.type = type;
        this.stages = type.stages();
    }

    /** Loads every stored event of the type. */
    public static StageHistory load(Connection connection, RecordType type) throws SQLException {
        StageHistory history = new StageHistory(type);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT record_key, stage, entered_on FROM stage_history WHERE record_type = ?")) {
            statement.setString(1, type.id());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    history.byKey.computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                            .add(new Event(rs.getString(2), rs.getObject(3, LocalDate.class)));
                }
            }
        }
        return history;
    }

    /**
     * Adds the event a record carries (its stage and stage date) to its case's history, then sets
     * the record's stage to the latest event and its derived stage dates from the whole history. Returns a description of an
     * out-of-order history (a later stage dated before an earlier one), or null.
     */
    public String apply(String key, Object[] values) {
        List<Field> fields = type.fields();
        int stageIndex = indexOf(fields, stages.field());
        int dateIndex = indexOf(fields, stages.dateField());
        Set<Event> events = byKey.computeIfAbsent(key, k -> new HashSet<>());
        if (values[stageIndex] != null && values[dateIndex] != null) {
            Event event = new Event((String) values[stageIndex], (LocalDate) values[dateIndex]);
            if (events.add(event)) {
                added.add(new String[] {key, event.stage(), event.on().toString()});
            }
        }
        // The record shows the case as its latest report says, whichever file is imported last.
        Event latest = null;
        for (Event event : events) {
            if (latest == null || event.on().isAfter(latest.on())
                    || (event.on().equals(latest.on()) && stages.rank(event.stage()) > stages.rank(latest.stage()))) {
                latest = event;
            }
        }
        if (latest != null) {
            values[stageIndex] = latest.stage();
            values[dateIndex] = latest.on();
        }
        for (String stage : stages.stages()) {
            values[indexOf(fields, Stages.derivedField(stage))] = reachedOn(events, stage);
        }
        return outOfOrder(events);
    }

    private LocalDate reachedOn(Set<Event> events, String stage) {
        int rank = stages.rank(stage);
        LocalDate first = null;
        for (Event event : events) {
            boolean counts = rank < 0 ? event.stage().equals(stage) : stages.rank(event.stage()) >= rank;
            if (counts && (first == null || event.on().isBefore(first))) {
                first = event.on();
            }
        }
        return first;
    }

    private String outOfOrder(Set<Event> events) {
        for (Event earlier : events) {
            for (Event later : events) {
                int a = stages.rank(earlier.stage());
                int b = stages.rank(later.stage());
                if (a >= 0 && b > a && later.on().isBefore(earlier.on())) {
                    return "stage '" + later.stage() + "' is dated " + later.on() + ", before stage '" + earlier.stage() + "' ("
                            + earlier.on() + ")";
                }
            }
        }
        return null;
    }

    /** Writes the events this import added. */
    public void save(Connection connection, long submissionId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO stage_history (record_type, record_key, stage, entered_on, submission_id) VALUES (?, ?, ?, ?, ?)")) {
            for (String[] event : added) {
                statement.setString(1, type.id());
                statement.setString(2, event[0]);
                statement.setString(3, event[1]);
                statement.setObject(4, LocalDate.parse(event[2]));
                statement.setLong(5, submissionId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
        added.clear();
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
