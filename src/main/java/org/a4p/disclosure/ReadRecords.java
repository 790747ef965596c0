package org.a4p.disclosure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.db.Database;
import org.a4p.pack.Field;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;
import org.a4p.records.RecordStore;
import org.a4p.records.StoreException;

/**
 * Use case: the current records of a type as a caller may see them, each a map of field name to
 * value in the type's field order. Fields the caller may not see are not even read from the store.
 */
public final class ReadRecords {
    /** The most records one request returns. */
    public static final int MAX_LIMIT = 10_000;

    /** {@code mission} null reads every mission the caller may read; {@code offset} skips records in stored order. */
    public record Request(String type, String mission, long offset, int limit) {}

    /** {@code fields}: the names each record carries, for a header even when there are no records. */
    public record Page(String type, List<String> fields, List<Map<String, Object>> records) {}

    private final Pack pack;
    private final Database database;
    private final FieldAccess access = new FieldAccess();

    public ReadRecords(Pack pack, Database database) {
        this.pack = pack;
        this.database = database;
    }

    public Outcome<Page> run(Caller caller, Request request) {
        if (caller.isPublic()) {
            return Outcome.failed(new Failure(Failure.Kind.FORBIDDEN, "records are not published: only published figures are"));
        }
        RecordType type = pack.recordType(request.type()).orElse(null);
        if (type == null) {
            return Outcome.failed(Failure.invalid("unknown record type '" + request.type() + "'; record types: "
                    + String.join(", ", pack.recordTypes().keySet().stream().sorted().toList())));
        }
        if (request.offset() < 0 || request.limit() < 1 || request.limit() > MAX_LIMIT) {
            return Outcome.failed(Failure.invalid("expected an offset of 0 or more and a limit from 1 to " + MAX_LIMIT
                    + ", got offset " + request.offset() + " and limit " + request.limit()));
        }
        List<String> missions = access.missions(caller).orElse(null);
        if (request.mission() != null) {
            if (pack.orgUnits().mission(request.mission()).isEmpty()) {
                return Outcome.failed(Failure.invalid("unknown mission '" + request.mission() + "': expected the acronym of a mission of the pack"));
            }
            if (!access.mayRead(caller, request.mission())) {
                return Outcome.failed(new Failure(Failure.Kind.FORBIDDEN, "the records of " + request.mission()
                        + " are not yours to read: you may read those of " + String.join(", ", missions)));
            }
            missions = List.of(request.mission());
        }
        List<String> fields = access.visibleFields(caller, type).stream().map(Field::name).toList();
        try (Connection connection = database.dataSource().getConnection()) {
            List<Map<String, Object>> records = new RecordStore(database.dialect())
                    .current(connection, type, fields, missions, request.offset(), request.limit());
            return Outcome.ok(new Page(type.id(), fields, records));
        } catch (SQLException e) {
            throw new StoreException("cannot read the records of '" + type.id() + "': " + e.getMessage(), e);
        }
    }
}
