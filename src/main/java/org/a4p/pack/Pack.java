package org.a4p.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.a4p.orgunit.OrgUnits;

/**
 * The framework pack: everything A4P+-specific that the engine reads as data.
 *
 * @param digest SHA-256 over the files it was loaded from (see {@link PackDigest}): tells one pack's content from another's
 */
public record Pack(
        String id,
        String version,
        String name,
        PackSettings settings,
        List<Priority> priorities,
        List<CommitmentArea> commitmentAreas,
        Map<String, CodeList> codeLists,
        OrgUnits orgUnits,
        Map<String, RecordType> recordTypes,
        Map<String, Layout> layouts,
        List<Indicator> indicators,
        Map<String, ReferenceTable> tables,
        String digest) {

    public Optional<RecordType> recordType(String id) {
        return Optional.ofNullable(recordTypes.get(id));
    }

    public Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(i -> i.id().equals(id)).findFirst();
    }

    public Optional<ReferenceTable> table(String id) {
        return Optional.ofNullable(tables.get(id));
    }

    public Optional<Priority> priority(String id) {
        return priorities.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<Layout> layoutsFor(String recordType) {
        return layouts.values().stream().filter(l -> l.recordType().equals(recordType)).toList();
    }
}
