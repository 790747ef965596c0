package org.a4p.orgunit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org-unit tree: scopes > missions > sites, as the pack declares them; figures never mix
 * scopes. The first scope is the default org unit of every view.
 */
public final class OrgUnits {
    private final Map<String, OrgUnit> byCode = new LinkedHashMap<>();
    private final List<Scope> scopes;

    /** {@code units} holds a scope unit for each of {@code scopes}, then missions and sites. */
    public OrgUnits(List<Scope> scopes, Collection<OrgUnit> units) {
        this.scopes = List.copyOf(scopes);
        for (OrgUnit unit : units) {
            byCode.put(unit.code(), unit);
        }
    }

    public List<Scope> scopes() {
        return scopes;
    }

    public Optional<Scope> scope(String code) {
        return scopes.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** The org unit a view shows when none is asked for. */
    public String defaultScope() {
        return scopes.isEmpty() ? null : scopes.get(0).code();
    }

    public Optional<OrgUnit> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<OrgUnit> mission(String code) {
        return find(code).filter(u -> u.level() == OrgUnit.Level.MISSION);
    }

    public Optional<OrgUnit> site(String code) {
        return find(code).filter(u -> u.level() == OrgUnit.Level.SITE);
    }

    public List<OrgUnit> all() {
        return List.copyOf(byCode.values());
    }

    /** The codes of the scopes, the roots of the tree. */
    public List<String> scopeCodes() {
        return scopes.stream().map(Scope::code).toList();
    }

    /** What an org unit code may be, for messages: the scopes, a mission acronym, a site code. */
    public String describeCodes() {
        return "expected " + String.join(", ", scopeCodes()) + ", a mission acronym such as "
                + missions().stream().filter(m -> m.end() == null).map(OrgUnit::code).findFirst().orElse("a mission") + ", or a site code";
    }

    public List<OrgUnit> missions() {
        return byCode.values().stream().filter(u -> u.level() == OrgUnit.Level.MISSION).toList();
    }

    public List<OrgUnit> sitesOf(String mission) {
        return byCode.values().stream()
                .filter(u -> u.level() == OrgUnit.Level.SITE && u.parent().equals(mission))
                .toList();
    }

    /** The scope a mission belongs to, or null for an unknown code. */
    public String scopeOf(String mission) {
        OrgUnit unit = byCode.get(mission);
        return unit == null ? null : unit.scope();
    }

    public int size() {
        return byCode.size();
    }
}
