package org.a4p.pack;

import java.util.List;
import java.util.Optional;

/**
 * The schema of one kind of mission record. {@code dateField} places a record in time,
 * {@code missionField} in a mission, {@code siteField} (optional) at a site; {@code key} is the
 * natural key that makes re-imports idempotent.
 */
public record RecordType(
        String id,
        String name,
        String description,
        String dateField,
        String missionField,
        String siteField,
        List<String> key,
        List<Field> fields) {

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public String tableName() {
        return "rec_" + id;
    }
}
