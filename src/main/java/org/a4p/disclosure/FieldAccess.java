package org.a4p.disclosure;

import java.util.List;
import java.util.Optional;
import org.a4p.pack.Field;
import org.a4p.pack.RecordType;

/**
 * Decides which fields of a record type, and which missions' records, a caller may see. Public
 * readers see no records; every other role sees the public and internal fields, and a type's
 * restricted fields only when the pack's {@code restricted_access} of the type names its role
 * (admins and analysts are not named in the bundled pack: restricted detail is need-to-know).
 * A caller limited to missions (a mission officer always; a conduct or medical officer of a
 * mission) sees those missions' records only.
 */
public final class FieldAccess {

    public List<Field> visibleFields(Caller caller, RecordType type) {
        if (caller.isPublic()) {
            return List.of();
        }
        boolean granted = type.restrictedAccess().contains(caller.role().orElseThrow().code());
        return type.fields().stream().filter(field -> granted || !field.isRestricted()).toList();
    }

    /** The missions whose records the caller may read; empty for every mission. */
    public Optional<List<String>> missions(Caller caller) {
        if (caller.isPublic()) {
            return Optional.of(List.of());
        }
        return caller.missions().isEmpty() ? Optional.empty() : Optional.of(caller.missions());
    }

    public boolean mayRead(Caller caller, String mission) {
        return missions(caller).map(scope -> scope.contains(mission)).orElse(true);
    }
}
