package org.a4p.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.exchange.Unclosed;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.indicators.formula.Formula;
import org.a4p.pack.CodeList;
import org.a4p.pack.Field;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;

/**
 * What every column and code of the open data means: the columns of values.csv and values.json
 * (descriptions in English and French, from the messages bundles), the frequencies, priorities,
 * org units, each disaggregation field with its codes, and each indicator's definition, unit,
 * direction, formula, priority, source, baseline and targets (names in French where the pack has
 * them). Serialised as dictionary.json with snake_case keys.
 */
public record DataDictionary(String pack, String packVersion, List<Column> columns, List<Code> frequencies, List<Code> priorities,
        List<OrgUnitEntry> orgUnits, List<Disaggregation> disaggregations, List<IndicatorEntry> indicators) {

    public record Column(String name, String type, String description, String descriptionFr) {}

    /** A code and its label; {@code labelFr} null where the pack has no French. */
    public record Code(String code, String label, String labelFr) {}

    public record OrgUnitEntry(String code, String name, String level, String parent, String scope, LocalDate start, LocalDate end) {}

    /** A field values are broken down by ({@code field=code} in the disaggregation column), its codes, and the indicators broken down by it. */
    public record Disaggregation(String field, String description, List<Code> codes, List<String> indicators) {}

    public record IndicatorEntry(String id, String name, String nameFr, String definition, String unit, String direction, String formula,
            String priority, List<String> disaggregations, String source, Benchmark baseline, List<Benchmark> targets) {}

    public record Benchmark(int year, double value, String source) {}

    /** Writes dictionary.json, indented, to {@code out}, which stays open. */
    public void writeJson(java.io.OutputStream out) throws java.io.IOException {
        org.a4p.app.Json.mapper().writerWithDefaultPrettyPrinter().writeValue(new Unclosed(out), this);
    }

    static DataDictionary of(Pack pack) {
        Messages english = Messages.of(Language.EN);
        Messages french = Messages.of(Language.FR);
        List<Column> columns = Arrays.stream(ValueColumn.values()).map(c -> new Column(c.columnName(), c.type().code(),
                english.get(c.descriptionKey()), french.get(c.descriptionKey()))).toList();
        List<Code> frequencies = Arrays.stream(Frequency.values()).map(f -> new Code(f.name(), f.label(), f.labelFr())).toList();
        List<Code> priorities = pack.priorities().stream().map(p -> new Code(p.id(), p.name(), p.nameFr())).toList();
        List<OrgUnitEntry> orgUnits = pack.orgUnits().all().stream().map(u -> new OrgUnitEntry(u.code(), u.name(),
                u.level().name().toLowerCase(java.util.Locale.ROOT), u.parent(), u.scope(), u.start(), u.end())).toList();
        List<IndicatorEntry> indicators = pack.indicators().stream().map(DataDictionary::entry).toList();
        return new DataDictionary(pack.id(), pack.version(), columns, frequencies, priorities, orgUnits, disaggregations(pack), indicators);
    }

    private static IndicatorEntry entry(Indicator indicator) {
        Indicator.Benchmark baseline = indicator.baseline();
        return new IndicatorEntry(indicator.id(), indicator.name(), indicator.nameFr(), indicator.definition(), indicator.unit(),
                indicator.direction().name().toLowerCase(java.util.Locale.ROOT), indicator.formula(), indicator.priority(),
                indicator.disaggregations(), indicator.source(), baseline == null ? null : benchmark(baseline),
                indicator.targets().stream().map(DataDictionary::benchmark).toList());
    }

    private static Benchmark benchmark(Indicator.Benchmark benchmark) {
        return new Benchmark(benchmark.year(), benchmark.value(), benchmark.source());
    }

    /** Each field some indicator is broken down by, with the codes of its code list in the record types the indicators read. */
    private static List<Disaggregation> disaggregations(Pack pack) {
        Map<String, Set<String>> indicatorsByField = new LinkedHashMap<>();
        Map<String, Map<String, String>> labelsByField = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (Indicator indicator : pack.indicators()) {
            List<String> types = Formula.parse(indicator.formula()).recordTypes().stream().toList();
            for (String name : indicator.disaggregations()) {
                indicatorsByField.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(indicator.id());
                Map<String, String> labels = labelsByField.computeIfAbsent(name, n -> new LinkedHashMap<>());
                for (String type : types) {
                    Field field = pack.recordType(type).flatMap(t -> t.field(name)).orElse(null);
                    if (field == null) {
                        continue;
                    }
                    descriptions.putIfAbsent(name, field.description());
                    CodeList list = field.codeList() == null ? null : pack.codeLists().get(field.codeList());
                    if (list != null) {
                        list.labels().forEach(labels::putIfAbsent);
                    }
                }
            }
        }
        List<Disaggregation> out = new ArrayList<>();
        indicatorsByField.forEach((name, indicators) -> out.add(new Disaggregation(name, descriptions.get(name),
                labelsByField.get(name).entrySet().stream().map(e -> new Code(e.getKey(), e.getValue(), null)).toList(), List.copyOf(indicators))));
        return out;
    }
}
