package org.a4p.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a user may do; anonymous is the absence of a user. Only a mission officer has a mission scope. */
public enum Role {
    ADMIN, ANALYST, MISSION_OFFICER, CONDUCT_OFFICER, MEDICAL_OFFICER, DELEGATE;

    /** The name used on the command line and in the database: {@code mission_officer}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A mission officer always works for one or more missions. */
    public boolean scopedToMissions() {
        return this == MISSION_OFFICER;
    }

    /**
     * Conduct and medical officers may be limited to missions (a mission's own officer) or not (at
     * headquarters); a mission officer must be; the other roles see every mission.
     */
    public boolean mayHaveMissions() {
        return this == MISSION_OFFICER || this == CONDUCT_OFFICER || this == MEDICAL_OFFICER;
    }

    /** A delegate reads published values only, as the public does: never records. */
    public boolean readsPublishedOnly() {
        return this == DELEGATE;
    }

    public static Optional<Role> ofCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(Role::code).toList();
    }
}
