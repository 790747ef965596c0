package org.a4p.orgunit;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The org-unit tree: scopes > missions > sites. Scope codes are {@code PKO} (peacekeeping
 * operations), {@code SPM} (special political missions) and {@code OTHER} (offices that are
 * neither, such as the Secretariat); figures never mix scopes.
 */
public final class OrgUnits {
    public static final String PKO = "PKO";
    public static final String SPM = "SPM";
    public static final String OTHER = "OTHER";

    private final Map<String, OrgUnit> byCode = new LinkedHashMap<>();

    public OrgUnits(Collection<OrgUnit> units) {
        for (OrgUnit unit : units) {
            byCode.put(unit.code(), unit);
        }
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
        return byCode.values().stream().filter(u -> u.level() == OrgUnit.Level.SCOPE).map(OrgUnit::code).toList();
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
