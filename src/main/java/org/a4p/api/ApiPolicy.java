package org.a4p.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.a4p.access.Role;

/**
 * Who may call each route of the server: the one table, enforced by {@link ApiGuard} before any
 * handler runs, and from which the authorization matrix test is generated. A route that is not in
 * the table is refused to everyone. Mission-scoped routes answer a mission officer with its own
 * missions' data only (checked on the {@code mission} parameter here, on the data by the use case).
 */
final class ApiPolicy {

    /**
     * One route. {@code anonymous}: callers without credentials may call it. {@code open}: the
     * route reads no credentials at all (health probes, documents, and the login, whose
     * credentials are in its body), so a stale cookie never stands in its way.
     */
    record Rule(String method, String path, boolean anonymous, Set<Role> roles, boolean missionScoped, boolean open) {
        Rule {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        boolean allows(Optional<Role> role) {
            return role.map(roles::contains).orElse(anonymous);
        }
    }

    private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    /** Everyone with a role but delegates, who read published figures only, as the public does. */
    private static final Set<Role> STAFF = EnumSet.complementOf(EnumSet.of(Role.DELEGATE));
    /** Mission officers send their missions' records; HQ analysts and admins send any. */
    private static final Set<Role> SUBMITTERS = EnumSet.of(Role.MISSION_OFFICER, Role.ANALYST, Role.ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);
    /** Analysts approve, return and reopen submissions and publish releases. */
    private static final Set<Role> ANALYSTS = EnumSet.of(Role.ANALYST);

    static final List<Rule> RULES = List.of(
            open("GET", "/health"),
            open("GET", "/ready"),
            open("GET", "/api/openapi.json"),
            open("GET", "/api/docs"),
            open("POST", "/api/v1/session"),
            signedIn("GET", "/api/v1/session", SIGNED_IN),
            signedIn("DELETE", "/api/v1/session", SIGNED_IN),
            everyone("GET", "/api/v1/org-units"),
            everyone("GET", "/api/v1/record-types"),
            everyone("GET", "/api/v1/record-types/{type}"),
            signedIn("GET", "/api/v1/record-types/{type}/template", STAFF),
            everyone("GET", "/api/v1/indicators"),
            everyone("GET", "/api/v1/values"),
            everyone("GET", "/api/v1/scorecards"),
            everyone("GET", "/api/v1/ranking"),
            scoped("GET", "/api/v1/records/{type}", STAFF),
            scoped("POST", "/api/v1/submissions", SUBMITTERS),
            scoped("GET", "/api/v1/submissions", STAFF),
            scoped("GET", "/api/v1/submissions/{id}", STAFF),
            scoped("POST", "/api/v1/submissions/{id}/submit", SUBMITTERS),
            signedIn("POST", "/api/v1/submissions/{id}/approve", ANALYSTS),
            signedIn("POST", "/api/v1/submissions/{id}/return", ANALYSTS),
            signedIn("POST", "/api/v1/submissions/{id}/reopen", ANALYSTS),
            signedIn("POST", "/api/v1/releases", ANALYSTS),
            everyone("GET", "/api/v1/releases"),
            everyone("GET", "/api/v1/releases/{number}"),
            everyone("GET", "/api/v1/values/history"),
            everyone("GET", "/api/v1/values/explain"),
            everyone("GET", "/api/v1/geo/missions"),
            everyone("GET", "/api/v1/geo/sites"),
            signedIn("POST", "/api/v1/pack/reload", ADMINS),
            signedIn("GET", "/api/v1/users", ADMINS),
            signedIn("POST", "/api/v1/users", ADMINS),
            signedIn("POST", "/api/v1/users/{name}/disable", ADMINS),
            signedIn("POST", "/api/v1/users/{name}/unlock", ADMINS),
            signedIn("PUT", "/api/v1/users/{name}/password", ADMINS),
            signedIn("POST", "/api/v1/users/{name}/tokens", ADMINS),
            signedIn("DELETE", "/api/v1/users/{name}/tokens", ADMINS));

    private ApiPolicy() {}

    static Optional<Rule> find(String method, String path) {
        return RULES.stream().filter(rule -> rule.method().equals(method) && rule.path().equals(path)).findFirst();
    }

    private static Rule open(String method, String path) {
        return new Rule(method, path, true, SIGNED_IN, false, true);
    }

    private static Rule everyone(String method, String path) {
        return new Rule(method, path, true, SIGNED_IN, false, false);
    }

    private static Rule signedIn(String method, String path, Set<Role> roles) {
        return new Rule(method, path, false, roles, false, false);
    }

    private static Rule scoped(String method, String path, Set<Role> roles) {
        return new Rule(method, path, false, roles, true, false);
    }
}
