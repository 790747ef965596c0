package org.a4p.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.PreparedBatch;

/** All SQL on {@code app_user} and {@code user_mission}, within the caller's transaction. */
final class UserStore {
    private static final String USER_COLUMNS = "id, user_name, role_code, enabled, created_at, updated_at";

    /** One row of {@code app_user} without its secrets. */
    record UserRow(long id, String userName, String roleCode, boolean enabled, Instant createdAt, Instant updatedAt) {}

    /** What a login needs: the hash and the failure state. */
    record Credentials(long id, String userName, String passwordHash, boolean enabled, int failedLogins, Instant lockedUntil) {
        @Override
        public String toString() {
            return "Credentials[id=" + id + ", userName=" + userName + ", passwordHash=(withheld)]";
        }
    }

    record Scope(long userId, String mission) {}

    private final Handle handle;

    UserStore(Handle handle) {
        this.handle = handle;
        // A failed statement's message would otherwise list its arguments: hashes, for one.
        handle.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
        handle.registerRowMapper(ConstructorMapper.factory(UserRow.class));
        handle.registerRowMapper(ConstructorMapper.factory(Credentials.class));
        handle.registerRowMapper(ConstructorMapper.factory(Scope.class));
    }

    boolean exists(String name) {
        return handle.createQuery("SELECT COUNT(*) FROM app_user WHERE user_name = :name")
                .bind("name", name).mapTo(Long.class).one() > 0;
    }

    long insert(String name, Role role, List<String> missions, String passwordHash, Instant now) {
        long id = handle.createUpdate("""
                        INSERT INTO app_user (user_name, role_code, password_hash, enabled, failed_logins, created_at, updated_at)
                        VALUES (:name, :role, :hash, TRUE, 0, :now, :now)""")
                .bind("name", name).bind("role", role.code()).bind("hash", passwordHash).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        if (!missions.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO user_mission (user_id, mission) VALUES (:user, :mission)");
            missions.forEach(mission -> batch.bind("user", id).bind("mission", mission).add());
            batch.execute();
        }
        return id;
    }

    Optional<User> find(String name) {
        return handle.createQuery("SELECT " + USER_COLUMNS + " FROM app_user WHERE user_name = :name")
                .bind("name", name).mapTo(UserRow.class).findOne().map(row -> withMissions(List.of(row)).get(0));
    }

    Optional<User> find(long id) {
        return handle.createQuery("SELECT " + USER_COLUMNS + " FROM app_user WHERE id = :id")
                .bind("id", id).mapTo(UserRow.class).findOne().map(row -> withMissions(List.of(row)).get(0));
    }

    /** Every user, by name. */
    List<User> all() {
        return withMissions(handle.createQuery("SELECT " + USER_COLUMNS + " FROM app_user ORDER BY user_name").mapTo(UserRow.class).list());
    }

    /** Locks the user's row until the transaction ends, so that concurrent logins count their failures one by one. */
    Optional<Credentials> credentialsForUpdate(String name) {
        return handle.createQuery("""
                        SELECT id, user_name, password_hash, enabled, failed_logins, locked_until
                        FROM app_user WHERE user_name = :name FOR UPDATE""")
                .bind("name", name).mapTo(Credentials.class).findOne();
    }

    void recordFailure(long id, int failedLogins, Instant lockedUntil) {
        handle.createUpdate("UPDATE app_user SET failed_logins = :failures, locked_until = :until WHERE id = :id")
                .bind("failures", failedLogins).bind("until", lockedUntil).bind("id", id).execute();
    }

    void clearFailures(long id) {
        handle.createUpdate("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id").bind("id", id).execute();
    }

    void disable(long id, Instant now) {
        handle.createUpdate("UPDATE app_user SET enabled = FALSE, updated_at = :now WHERE id = :id")
                .bind("now", now).bind("id", id).execute();
    }

    /** A new password also lifts any lock: whoever set it knows it. */
    void setPassword(long id, String passwordHash, Instant now) {
        handle.createUpdate("""
                        UPDATE app_user SET password_hash = :hash, failed_logins = 0, locked_until = NULL, updated_at = :now
                        WHERE id = :id""")
                .bind("hash", passwordHash).bind("now", now).bind("id", id).execute();
    }

    private List<User> withMissions(List<UserRow> rows) {
        Map<Long, List<String>> missions = new LinkedHashMap<>();
        rows.forEach(row -> missions.put(row.id(), new ArrayList<>()));
        if (!rows.isEmpty()) {
            handle.createQuery("SELECT user_id, mission FROM user_mission WHERE user_id IN (<ids>) ORDER BY mission")
                    .bindList("ids", List.copyOf(missions.keySet())).mapTo(Scope.class)
                    .forEach(scope -> missions.get(scope.userId()).add(scope.mission()));
        }
        return rows.stream().map(row -> new User(row.id(), row.userName(), Role.ofCode(row.roleCode()).orElseThrow(
                () -> new IllegalStateException("user " + row.userName() + " has an unknown role '" + row.roleCode() + "'")),
                missions.get(row.id()), row.enabled(), row.createdAt(), row.updatedAt())).toList();
    }
}
