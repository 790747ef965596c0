package org.a4p.pack;

import java.util.List;
import java.util.Optional;

/**
 * The schema of one kind of mission record. {@code dateField} places a record in time,
 * {@code missionField} in a mission, {@code siteField} (optional) at a site; {@code key} is the
 * natural key that makes re-imports idempotent. {@code stages} is set for cases that move through
 * stages; their derived stage dates are among {@code fields}. {@code plausibility} lists the rules
 * that hold a new value against the group's own history; {@code flagging} (optional) says how
 * records are flagged from their text at import. {@code restrictedAccess} names the roles (codes of
 * {@code org.a4p.access.Role}) granted the type's restricted fields; no other role sees them.
 */
public record RecordType(
        String id,
        String name,
        String description,
        String dateField,
        String missionField,
        String siteField,
        List<String> key,
        List<Field> fields,
        Stages stages,
        List<Plausibility> plausibility,
        Flagging flagging,
        Reporting reporting,
        List<String> restrictedAccess) {

    /**
     * Who writes a type's records and how often missions owe them: {@code system} types are
     * written by A4P+ Monitor itself (data-quality figures) and refused at import; a type
     * {@code expectedMonthly} is owed by every active peacekeeping operation every month, which the
     * reporting-completeness indicators measure.
     */
    public record Reporting(boolean system, boolean expectedMonthly) {
        public static final Reporting NONE = new Reporting(false, false);
    }

    /** A record type whose records do not move through stages. */
    public RecordType(String id, String name, String description, String dateField, String missionField, String siteField,
            List<String> key, List<Field> fields) {
        this(id, name, description, dateField, missionField, siteField, key, fields, null, List.of(), null, Reporting.NONE, List.of());
    }

    /** True for fields the store derives (stage dates), which files do not carry. */
    public boolean isDerived(String field) {
        return stages != null && stages.derivedFields().contains(field);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public String tableName() {
        return "rec_" + id;
    }

    /** The table of the type's approved records: what releases are computed from. */
    public String approvedTableName() {
        return "pub_" + id;
    }
}
