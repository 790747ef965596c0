package org.a4p.pack;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.a4p.access.Role;
import org.a4p.orgunit.OrgUnit;
import org.a4p.orgunit.OrgUnits;
import org.a4p.orgunit.Scope;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a framework pack and reports every structural problem with its file and line. Checks that
 * need the formula language (formulas that do not parse, unknown fields) are done by
 * {@code org.a4p.indicators.PackFormulas}, which {@code a4p pack check} runs after this.
 */
public final class PackLoader {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern INDICATOR_ID = Pattern.compile("(P[1-7]|WPS|DATA)\\.[A-Z0-9_]+");
    private static final Set<String> UNITS = Set.of("count", "percent", "rate", "days", "hours", "minutes", "ratio");

    /** Bookkeeping columns of every record table (see RecordTables); no field may take these names. */
    static final Set<String> RESERVED_NAMES = Set.of("id", "row_hash", "row_version", "submission_id", "synthetic", "flagged",
            "retired_by");

    private final PackSource source;
    private final PackDigest digest;
    /** Who may own an indicator (settings.owners), read before the indicators. */
    private List<String> owners = List.of();
    private final List<PackProblem> problems = new ArrayList<>();
    /** Where each record type, and each of its fields ("type.field"), is defined. */
    private final Map<String, YamlNode> definitions = new java.util.HashMap<>();
    /** Term tables that flagging rules name, checked once every table is read. */
    private final Map<String, YamlNode> pendingTermTables = new LinkedHashMap<>();
    /** Codes that plausibility rules filter on, checked once every code list is read. */
    private final List<RuleCodes> pendingRuleCodes = new ArrayList<>();

    private record RuleCodes(YamlNode node, String rule, String field, String codeList, List<String> codes) {}

    private static final List<String> RULE_KEYS = List.of("id", "description", "measure", "numerator", "denominator", "where",
            "levels", "history", "max_factor", "min_spreads");

    private PackLoader(PackSource source) {
        this.digest = new PackDigest(source);
        this.source = digest;
    }

    /** The outcome of loading: the pack when it had no problems, and the problems found. */
    public record Result(Optional<Pack> pack, List<PackProblem> problems) {
        public Pack orThrow() {
            return pack.orElseThrow(() -> new PackException(problems));
        }
    }

    public static Result load(PackSource source) {
        return new PackLoader(source).run();
    }

    public static Pack loadBundled() {
        return load(PackSource.bundled()).orThrow();
    }

    private Result run() {
        YamlNode root = yaml("pack.yaml");
        if (root == null) {
            return new Result(Optional.empty(), problems);
        }
        String id = requiredText(root, "id");
        String version = requiredText(root, "version");
        String name = requiredText(root, "name");
        PackSettings settings = settings(root.get("settings").orElse(null));
        owners = settings.owners();

        List<Priority> priorities = new ArrayList<>();
        List<CommitmentArea> areas = new ArrayList<>();
        Map<String, CodeList> codeLists = new LinkedHashMap<>();
        Map<String, RecordType> recordTypes = new LinkedHashMap<>();
        List<YamlNode> layoutNodes = new ArrayList<>();
        List<YamlNode> indicatorNodes = new ArrayList<>();
        Map<String, ReferenceTable> tables = new LinkedHashMap<>();

        for (YamlNode include : root.get("include").map(YamlNode::items).orElse(List.of())) {
            String file = include.text();
            YamlNode doc = file == null ? null : yaml(file);
            if (doc == null) {
                if (file == null) {
                    problem(include, "an include entry must be a file name");
                }
                continue;
            }
            if (doc.isEmpty()) {
                continue; // a file with only comments: nothing yet
            }
            if (!doc.isMap()) {
                problem(doc, "expected a map with one of priorities, commitment_areas, codelists, record_type, layouts, indicators, tables");
                continue;
            }
            doc.entries().forEach((key, node) -> {
                switch (key) {
                    case "priorities" -> node.items().forEach(n -> priority(n).ifPresent(priorities::add));
                    case "commitment_areas" -> node.items().forEach(n -> area(n).ifPresent(areas::add));
                    case "codelists" -> node.entries().forEach((listId, n) -> {
                        if (codeLists.put(listId, codeList(listId, n)) != null) {
                            problem(n, "code list '" + listId + "' is defined twice");
                        }
                    });
                    case "record_type" -> recordType(node).ifPresent(t -> {
                        if (recordTypes.put(t.id(), t) != null) {
                            problem(node, "record type '" + t.id() + "' is defined twice");
                        }
                    });
                    case "layouts" -> layoutNodes.addAll(node.items());
                    case "indicators" -> indicatorNodes.addAll(node.items());
                    case "tables" -> node.entries().forEach((tableId, n) -> table(tableId, n).ifPresent(t -> {
                        if (tables.put(tableId, t) != null) {
                            problem(n, "table '" + tableId + "' is defined twice");
                        }
                    }));
                    default -> problem(node, "unknown section '" + key + "'");
                }
            });
        }
        if (root.get("include").isEmpty()) {
            problem(root, "missing 'include': the list of the pack's files");
        }

        pendingTermTables.forEach((tableId, node) -> {
            ReferenceTable table = tables.get(tableId);
            if (table == null) {
                problem(node, "flagging names unknown table '" + tableId + "'; tables: " + tables.keySet());
            } else if (!table.columns().containsAll(List.of("language", "term", "category", "severity"))) {
                problem(node, "table '" + tableId + "' needs the columns language, term, category and severity");
            }
        });
        OrgUnits orgUnits = orgUnits(root.get("orgunits").orElse(null));
        checkRecordTypes(recordTypes, codeLists);
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (RecordType type : recordTypes.values()) {
            layouts.put(type.id(), ownLayout(type));
        }
        for (YamlNode node : layoutNodes) {
            layout(node, recordTypes).ifPresent(l -> {
                if (layouts.put(l.id(), l) != null) {
                    problem(node, "layout '" + l.id() + "' is defined twice (a record type's own layout has its id)");
                }
            });
        }
        List<Indicator> indicators = new ArrayList<>();
        Set<String> priorityIds = ids(priorities, Priority::id);
        Set<String> areaIds = ids(areas, CommitmentArea::id);
        Set<String> indicatorIds = new java.util.HashSet<>();
        for (YamlNode node : indicatorNodes) {
            indicator(node, priorityIds, areaIds).ifPresent(ind -> {
                if (!indicatorIds.add(ind.id())) {
                    problem(node, "indicator '" + ind.id() + "' is defined twice");
                }
                indicators.add(ind);
            });
        }
        for (Priority priority : priorities) {
            long count = indicators.stream().filter(i -> i.priority().equals(priority.id())).count();
            if (count < settings.minIndicatorsPerPriority()) {
                problems.add(new PackProblem("pack.yaml", 1, "priority " + priority.id() + " has " + count + " indicator(s); the pack"
                        + " asks (settings.min_indicators_per_priority) that each priority be demonstrated with at least "
                        + settings.minIndicatorsPerPriority()));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), List.copyOf(problems));
        }
        Pack pack = new Pack(id, version, name, settings, List.copyOf(priorities), List.copyOf(areas),
                Map.copyOf(codeLists), orgUnits, recordTypes, layouts, List.copyOf(indicators), Map.copyOf(tables), digest.value());
        return new Result(Optional.of(pack), List.of());
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> out = new java.util.HashSet<>();
        items.forEach(i -> out.add(id.apply(i)));
        return out;
    }

    private YamlNode yaml(String file) {
        try (Reader reader = source.reader(file)) {
            return YamlNode.parse(file, reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(new PackProblem(file, line, "not valid YAML: " + e.getProblem()));
        } catch (IOException e) {
            problems.add(new PackProblem(file, 1, "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"));
        }
        return null;
    }

    private void problem(YamlNode node, String message) {
        problems.add(new PackProblem(node.file(), node.line(), message));
    }

    private String requiredText(YamlNode map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty() || node.get().text() == null || node.get().text().isBlank()) {
            problem(node.orElse(map), "missing '" + key + "'");
            return null;
        }
        return node.get().text();
    }

    private String optionalText(YamlNode map, String key) {
        return map.get(key).map(YamlNode::text).orElse(null);
    }

    private List<String> textList(YamlNode map, String key) {
        Optional<YamlNode> node = map.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!node.get().isList()) {
            problem(node.get(), "'" + key + "' must be a list");
            return List.of();
        }
        return node.get().items().stream().map(YamlNode::text).toList();
    }

    private boolean flag(YamlNode map, String key) {
        String text = optionalText(map, key);
        if (text == null) {
            return false;
        }
        if (!text.equals("true") && !text.equals("false")) {
            problem(map.get(key).orElseThrow(), "'" + key + "' must be true or false, got '" + text + "'");
        }
        return text.equals("true");
    }

    private Double number(YamlNode map, String key) {
        String text = optionalText(map, key);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problem(map.get(key).orElseThrow(), "'" + key + "' must be a number, got '" + text + "'");
            return null;
        }
    }

    private PackSettings settings(YamlNode node) {
        if (node == null) {
            return new PackSettings(5, 0.10, 1, List.of(), PackSettings.DEFAULT_BASELINE_YEAR, PackSettings.DEFAULT_STABLE_BAND);
        }
        Double threshold = number(node, "small_cell_threshold");
        if (threshold != null && (threshold < 1 || threshold != Math.rint(threshold))) {
            problem(node.get("small_cell_threshold").orElseThrow(), "small_cell_threshold must be a whole number of records,"
                    + " 1 or more (1 suppresses nothing), got '" + optionalText(node, "small_cell_threshold") + "'");
        }
        Double margin = number(node, "at_risk_margin");
        Double least = number(node, "min_indicators_per_priority");
        if (least != null && (least < 0 || least != Math.rint(least))) {
            problem(node.get("min_indicators_per_priority").orElseThrow(), "min_indicators_per_priority must be a whole number, 0 or more");
        }
        Integer baselineYear = baselineYear(node, "baseline_year");
        Double band = number(node, "stable_band");
        if (band != null && (band < 0 || band >= 1)) {
            problem(node.get("stable_band").orElseThrow(), "stable_band must be a fraction of the baseline value from 0 to below 1"
                    + " (0.05: a change of at most 5% is stable), got '" + optionalText(node, "stable_band") + "'");
            band = null;
        }
        return new PackSettings(threshold == null ? 5 : threshold.intValue(), margin == null ? 0.10 : margin,
                least == null ? 1 : least.intValue(), textList(node, "owners"),
                baselineYear == null ? PackSettings.DEFAULT_BASELINE_YEAR : baselineYear,
                band == null ? PackSettings.DEFAULT_STABLE_BAND : band);
    }

    /** The first UN peacekeeping operation (UNTSO) began in 1948; a baseline after this year has no value yet. */
    private Integer baselineYear(YamlNode map, String key) {
        String text = optionalText(map, key);
        if (text == null) {
            return null;
        }
        int latest = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        if (!text.matches("[0-9]{4}") || Integer.parseInt(text) < 1948 || Integer.parseInt(text) > latest) {
            problem(map.get(key).orElseThrow(), key + " must be a year from 1948 (the first peacekeeping operation) to " + latest
                    + ", got '" + text + "'");
            return null;
        }
        return Integer.valueOf(text);
    }

    private Optional<Priority> priority(YamlNode node) {
        String id = requiredText(node, "id");
        String name = requiredText(node, "name");
        if (id == null || name == null) {
            return Optional.empty();
        }
        return Optional.of(new Priority(id, name, optionalText(node, "name_fr"), flag(node, "cross_cutting"),
                optionalText(node, "summary")));
    }

    private Optional<CommitmentArea> area(YamlNode node) {
        String id = requiredText(node, "id");
        String name = requiredText(node, "name");
        return id == null || name == null ? Optional.empty() : Optional.of(new CommitmentArea(id, name));
    }

    private Optional<ReferenceTable> table(String id, YamlNode node) {
        List<String> columns = textList(node, "columns");
        if (columns.isEmpty()) {
            problem(node, "table '" + id + "' needs 'columns': the list of its column names");
            return Optional.empty();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (YamlNode row : node.get("rows").map(YamlNode::items).orElse(List.of())) {
            Map<String, String> cells = new LinkedHashMap<>();
            row.entries().forEach((column, cell) -> {
                if (!columns.contains(column)) {
                    problem(cell, "table '" + id + "' has no column '" + column + "'; columns: " + columns);
                }
                cells.put(column, cell.text());
            });
            if (!row.isMap()) {
                problem(row, "a row of table '" + id + "' must be a map of column to value");
            }
            rows.add(Map.copyOf(cells.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
        }
        return Optional.of(new ReferenceTable(id, optionalText(node, "description"), columns, List.copyOf(rows), node.where()));
    }

    private CodeList codeList(String id, YamlNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        YamlNode codes = node.get("codes").orElse(null);
        if (codes == null || !codes.isMap() || codes.entries().isEmpty()) {
            problem(node, "code list '" + id + "' needs 'codes': a map of code to label");
        } else {
            codes.entries().forEach((code, label) -> labels.put(code, label.text() == null ? code : label.text()));
        }
        return new CodeList(id, optionalText(node, "name") == null ? id : optionalText(node, "name"), labels);
    }

    private Optional<RecordType> recordType(YamlNode node) {
        String id = requiredText(node, "id");
        if (id == null) {
            return Optional.empty();
        }
        if (!NAME.matcher(id).matches()) {
            problem(node, "record type id '" + id + "' must be lower case letters, digits and _");
        }
        definitions.put(id, node);
        List<Field> fields = new ArrayList<>();
        YamlNode fieldsNode = node.get("fields").orElse(null);
        if (fieldsNode == null || fieldsNode.items().isEmpty()) {
            problem(node, "record type '" + id + "' has no fields");
        } else {
            for (YamlNode f : fieldsNode.items()) {
                field(f).ifPresent(field -> {
                    if (definitions.putIfAbsent(id + "." + field.name(), f) != null) {
                        problem(f, "field '" + field.name() + "' is defined twice in '" + id + "'");
                    }
                    fields.add(field);
                });
            }
        }
        Stages stages = node.get("stages").map(n -> stages(id, n, fields)).orElse(null);
        if (stages != null) {
            for (String stage : stages.stages()) {
                fields.add(new Field(Stages.derivedField(stage), FieldType.DATE, false, null, null, null, null,
                        Confidentiality.PUBLIC, "Date the case first reached the stage '" + stage + "' (derived from its stage history)."));
            }
        }
        return Optional.of(new RecordType(id, optionalText(node, "name") == null ? id : optionalText(node, "name"),
                optionalText(node, "description"), requiredText(node, "date_field"), requiredText(node, "mission_field"),
                optionalText(node, "site_field"), textList(node, "key"), List.copyOf(fields), stages,
                plausibilityRules(id, node, fields),
                node.get("flagging").map(n -> flagging(id, n, fields)).orElse(null), reporting(node),
                restrictedAccess(id, node, fields)));
    }

    /**
     * {@code restricted_access: [role, ...]}: the roles of {@link Role} granted the type's restricted
     * fields; none when absent. A pack cannot add a role, since what a role may do is the product's.
     */
    private List<String> restrictedAccess(String typeId, YamlNode node, List<Field> fields) {
        Optional<YamlNode> list = node.get("restricted_access");
        if (list.isEmpty()) {
            return List.of();
        }
        if (!list.get().isList()) {
            problem(list.get(), "restricted_access of '" + typeId + "' must be a list of roles; roles: " + Role.codes());
            return List.of();
        }
        Set<String> roles = new java.util.LinkedHashSet<>();
        for (YamlNode item : list.get().items()) {
            String code = item.text();
            Optional<Role> role = Role.ofCode(code);
            if (role.isEmpty()) {
                problem(item, "restricted_access of '" + typeId + "': unknown role '" + code + "'; roles: " + Role.codes());
            } else if (role.get().readsPublishedOnly()) {
                problem(item, "restricted_access of '" + typeId + "': role '" + code + "' reads published values only, never records");
            } else if (!roles.add(code)) {
                problem(item, "restricted_access of '" + typeId + "' names role '" + code + "' twice");
            }
        }
        if (fields.stream().noneMatch(Field::isRestricted)) {
            problem(list.get(), "restricted_access of '" + typeId + "' grants nothing: '" + typeId + "' has no restricted field");
        }
        return List.copyOf(roles);
    }

    private List<Plausibility> plausibilityRules(String typeId, YamlNode typeNode, List<Field> fields) {
        List<Plausibility> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (YamlNode node : typeNode.get("plausibility").map(YamlNode::items).orElse(List.of())) {
            Plausibility rule = plausibility(typeId, node, fields);
            if (rule != null && !ids.add(rule.id())) {
                problem(node, "plausibility rule '" + rule.id() + "' is defined twice in '" + typeId + "'");
            }
            if (rule != null) {
                out.add(rule);
            }
        }
        return List.copyOf(out);
    }

    private Plausibility plausibility(String typeId, YamlNode node, List<Field> fields) {
        String id = requiredText(node, "id");
        if (id == null) {
            return null;
        }
        String rule = "plausibility rule '" + id + "' of '" + typeId + "'";
        node.entries().forEach((key, value) -> {
            if (!RULE_KEYS.contains(key)) {
                problem(value, rule + ": unknown key '" + key + "'; known: " + RULE_KEYS);
            }
        });
        Plausibility.Measure measure = measure(node, rule);
        String numerator = optionalText(node, "numerator");
        List<String> denominator = textList(node, "denominator");
        boolean needsNumerator = measure != Plausibility.Measure.COUNT;
        if (measure != null && needsNumerator != (numerator != null)) {
            problem(node.get("numerator").orElse(node), rule + ": " + (needsNumerator
                    ? "measure " + measure.name().toLowerCase(Locale.ROOT) + " needs a numerator (a numeric field)"
                    : "measure count takes no numerator"));
        }
        boolean needsDenominator = measure == Plausibility.Measure.SHARE;
        if (measure != null && needsDenominator == denominator.isEmpty()) {
            problem(node.get("denominator").orElse(node), rule + ": " + (needsDenominator
                    ? "measure share needs a denominator (the numeric fields summed)" : "only measure share takes a denominator"));
        }
        List<String> numeric = new ArrayList<>(denominator);
        if (numerator != null) {
            numeric.add(0, numerator);
        }
        for (String name : numeric) {
            if (fields.stream().noneMatch(f -> f.name().equals(name) && f.type().isNumeric())) {
                problem(node, rule + ": '" + name + "' is not a numeric field of '" + typeId + "'");
            }
        }
        Map<String, Set<String>> where = ruleFilter(typeId, rule, node, fields);
        List<List<String>> levels = levels(typeId, rule, node, fields);
        YamlNode history = node.get("history").orElse(null);
        Double months = history == null ? null : number(history, "months");
        Double min = history == null ? null : number(history, "min");
        if (history != null) {
            history.entries().forEach((key, value) -> {
                if (!key.equals("months") && !key.equals("min")) {
                    problem(value, rule + ": unknown key 'history." + key + "'; known: [months, min]");
                }
            });
        }
        if (months == null || min == null || months != Math.rint(months) || min != Math.rint(min) || min < 1 || min > months) {
            problem(history == null ? node : history, rule + " needs a history: {months: M, min: N}, whole numbers with 1 <= N <= M"
                    + " (the preceding months compared with, and how many of them must have a value)");
        }
        Double factor = number(node, "max_factor");
        if (factor == null || factor <= 1) {
            problem(node.get("max_factor").orElse(node), rule + " needs a max_factor above 1 (how many times above or below"
                    + " the median is too far)");
        }
        Double spreads = number(node, "min_spreads");
        if (spreads == null || spreads < 0) {
            problem(node.get("min_spreads").orElse(node), rule + " needs a min_spreads of 0 or more (how many robust spreads"
                    + " from the median is too far)");
        }
        if (measure == null || months == null || min == null || factor == null || spreads == null) {
            return null;
        }
        return new Plausibility(id, optionalText(node, "description"), measure, numerator, List.copyOf(denominator), where, levels,
                months.intValue(), min.intValue(), factor, spreads);
    }

    private Plausibility.Measure measure(YamlNode node, String rule) {
        String text = requiredText(node, "measure");
        if (text == null) {
            return null;
        }
        try {
            return Plausibility.Measure.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(node.get("measure").orElseThrow(), rule + ": measure must be share, count or sum, got '" + text + "'");
            return null;
        }
    }

    /** A rule's {@code where}: code fields and the codes they may hold; the codes are checked once every code list is read. */
    private Map<String, Set<String>> ruleFilter(String typeId, String rule, YamlNode node, List<Field> fields) {
        YamlNode where = node.get("where").orElse(null);
        if (where == null) {
            return Map.of();
        }
        if (!where.isMap()) {
            problem(where, rule + ": 'where' must be a map of code field to the codes it may hold");
            return Map.of();
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        where.entries().forEach((name, codes) -> {
            Optional<Field> field = fields.stream().filter(f -> f.name().equals(name) && f.type() == FieldType.CODE).findFirst();
            List<String> list = codes.items().stream().map(YamlNode::text).toList();
            if (field.isEmpty()) {
                problem(codes, rule + ": where names '" + name + "', which is not a code field of '" + typeId + "'");
            } else if (!codes.isList() || list.isEmpty()) {
                problem(codes, rule + ": where." + name + " must be a list of codes");
            } else {
                pendingRuleCodes.add(new RuleCodes(codes, rule, name, field.get().codeList(), list));
            }
            out.put(name, Set.copyOf(list.stream().filter(java.util.Objects::nonNull).toList()));
        });
        return Map.copyOf(out);
    }

    private List<List<String>> levels(String typeId, String rule, YamlNode node, List<Field> fields) {
        YamlNode levels = node.get("levels").orElse(null);
        if (levels == null || !levels.isList() || levels.items().isEmpty()) {
            problem(levels == null ? node : levels, rule + " needs levels: a list of groupings, each a list of fields or '"
                    + Plausibility.SCOPE + "' (the month is always part of the group)");
            return List.of();
        }
        List<List<String>> out = new ArrayList<>();
        for (YamlNode level : levels.items()) {
            List<String> tokens = level.items().stream().map(YamlNode::text).toList();
            if (!level.isList() || tokens.isEmpty()) {
                problem(level, rule + ": each level must be a list of fields or '" + Plausibility.SCOPE + "', such as [mission]");
                continue;
            }
            for (String token : tokens) {
                if (!Plausibility.SCOPE.equals(token) && fields.stream().noneMatch(f -> f.name().equals(token))) {
                    problem(level, rule + ": level names '" + token + "', which is neither '" + Plausibility.SCOPE
                            + "' nor a field of '" + typeId + "'");
                }
            }
            out.add(tokens);
        }
        return List.copyOf(out);
    }

    private RecordType.Reporting reporting(YamlNode node) {
        String expected = optionalText(node, "expected");
        if (expected != null && !expected.equals("monthly")) {
            problem(node.get("expected").orElse(node), "expected must be 'monthly' (or absent), got '" + expected + "'");
        }
        return new RecordType.Reporting(flag(node, "system"), "monthly".equals(expected));
    }

    private Flagging flagging(String typeId, YamlNode node, List<Field> fields) {
        Flagging flagging = new Flagging(requiredText(node, "text_field"), requiredText(node, "language_field"),
                requiredText(node, "category_field"), requiredText(node, "severity_field"), requiredText(node, "terms"));
        Map<String, FieldType> expected = new LinkedHashMap<>();
        expected.put(flagging.textField(), FieldType.TEXT);
        expected.put(flagging.languageField(), FieldType.CODE);
        expected.put(flagging.categoryField(), FieldType.CODE);
        expected.put(flagging.severityField(), FieldType.INTEGER);
        expected.forEach((name, type) -> {
            if (name != null && fields.stream().noneMatch(f -> f.name().equals(name) && f.type() == type)) {
                problem(node, "flagging of '" + typeId + "': '" + name + "' must be a " + type.word() + " field of '" + typeId + "'");
            }
        });
        pendingTermTables.put(flagging.terms(), node);
        return flagging;
    }

    private Stages stages(String typeId, YamlNode node, List<Field> fields) {
        String field = requiredText(node, "field");
        String dateField = requiredText(node, "date_field");
        List<String> order = textList(node, "order");
        List<String> terminal = textList(node, "terminal");
        Optional<Field> stageField = fields.stream().filter(f -> f.name().equals(field)).findFirst();
        if (field != null && (stageField.isEmpty() || stageField.get().type() != FieldType.CODE)) {
            problem(node, "stages.field '" + field + "' must name a code field of '" + typeId + "'");
        }
        if (dateField != null && fields.stream().noneMatch(f -> f.name().equals(dateField) && f.type() == FieldType.DATE)) {
            problem(node, "stages.date_field '" + dateField + "' must name a date field of '" + typeId + "'");
        }
        if (order.isEmpty()) {
            problem(node, "stages of '" + typeId + "' need an 'order': the stages from first to last");
        }
        return new Stages(field, dateField, order, terminal);
    }

    private Optional<Field> field(YamlNode node) {
        String name = requiredText(node, "name");
        String typeText = requiredText(node, "type");
        if (name == null || typeText == null) {
            return Optional.empty();
        }
        if (!NAME.matcher(name).matches()) {
            problem(node, "field name '" + name + "' must be lower case letters, digits and _");
        }
        if (RESERVED_NAMES.contains(name)) {
            problem(node, "field name '" + name + "' is reserved for the store's bookkeeping; reserved: " + new java.util.TreeSet<>(RESERVED_NAMES));
        }
        FieldType type = FieldType.parse(typeText);
        if (type == null) {
            problem(node.get("type").orElse(node), "unknown field type '" + typeText
                    + "': expected date, timestamp, integer, decimal, code, mission, site, text or boolean");
            return Optional.empty();
        }
        String pattern = optionalText(node, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problem(node, "field '" + name + "': pattern does not compile: " + e.getDescription());
            }
        }
        String conf = Optional.ofNullable(optionalText(node, "confidentiality")).orElse("public");
        Confidentiality confidentiality;
        try {
            confidentiality = Confidentiality.valueOf(conf.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(node, "field '" + name + "': confidentiality must be public, internal or restricted, got '" + conf + "'");
            confidentiality = Confidentiality.RESTRICTED;
        }
        Double min = number(node, "min");
        Double max = number(node, "max");
        return Optional.of(new Field(name, type, flag(node, "required"), optionalText(node, "codelist"),
                min == null ? null : BigDecimal.valueOf(min), max == null ? null : BigDecimal.valueOf(max), pattern,
                confidentiality, optionalText(node, "description"), mayBeFuture(node, name, type)));
    }

    private boolean mayBeFuture(YamlNode node, String name, FieldType type) {
        boolean future = flag(node, "may_be_future");
        if (future && type != FieldType.DATE && type != FieldType.TIMESTAMP) {
            problem(node, "field '" + name + "': may_be_future applies to date and timestamp fields only");
        }
        return future;
    }

    private void checkRecordTypes(Map<String, RecordType> types, Map<String, CodeList> codeLists) {
        for (RuleCodes pending : pendingRuleCodes) {
            CodeList list = codeLists.get(pending.codeList());
            for (String code : pending.codes()) {
                if (list != null && !list.contains(code)) {
                    problem(pending.node(), pending.rule() + ": where." + pending.field() + " names '" + code
                            + "', which is not a code of code list '" + list.id() + "'; codes: " + list.codes());
                }
            }
        }
        for (RecordType type : types.values()) {
            YamlNode typeNode = definitions.get(type.id());
            for (Field f : type.fields()) {
                if (f.type() == FieldType.CODE && (f.codeList() == null || !codeLists.containsKey(f.codeList()))) {
                    YamlNode fieldNode = definitions.get(type.id() + "." + f.name());
                    problem(fieldNode.get("codelist").orElse(fieldNode), "field '" + f.name() + "' of '" + type.id()
                            + "' uses unknown code list '" + f.codeList() + "'; known: " + new java.util.TreeSet<>(codeLists.keySet()));
                }
            }
            requireField(type, typeNode, type.dateField(), FieldType.DATE, "date_field");
            requireField(type, typeNode, type.missionField(), FieldType.MISSION, "mission_field");
            if (type.siteField() != null) {
                requireField(type, typeNode, type.siteField(), FieldType.SITE, "site_field");
            }
            if (type.stages() != null) {
                Optional<Field> stageField = type.field(type.stages().field());
                CodeList list = stageField.map(Field::codeList).map(codeLists::get).orElse(null);
                if (list != null) {
                    for (String stage : type.stages().stages()) {
                        if (!list.contains(stage)) {
                            problem(typeNode.get("stages").orElse(typeNode), "stage '" + stage + "' is not a code of code list '"
                                    + list.id() + "'; codes: " + list.codes());
                        }
                    }
                    for (String code : list.codes()) {
                        if (!type.stages().stages().contains(code)) {
                            problem(typeNode.get("stages").orElse(typeNode), "code '" + code + "' of '" + list.id()
                                    + "' is in neither stages.order nor stages.terminal");
                        }
                    }
                }
            }
            if (type.key().isEmpty()) {
                problem(typeNode, "record type '" + type.id() + "' has no natural key ('key': the fields that identify a record)");
            }
            for (String k : type.key()) {
                if (type.field(k).isEmpty()) {
                    problem(typeNode.get("key").orElse(typeNode), "key field '" + k + "' is not a field of '" + type.id() + "'");
                }
            }
        }
    }

    private void requireField(RecordType type, YamlNode typeNode, String name, FieldType expected, String role) {
        if (name == null) {
            return;
        }
        Optional<Field> field = type.field(name);
        if (field.isEmpty() || field.get().type() != expected) {
            problem(typeNode.get(role).orElse(typeNode), role + " '" + name + "' must name a " + expected.word()
                    + " field of '" + type.id() + "'");
        }
    }

    private static Layout ownLayout(RecordType type) {
        Map<String, Layout.ColumnMapping> fields = new LinkedHashMap<>();
        for (Field f : type.fields()) {
            if (!type.isDerived(f.name())) {
                fields.put(f.name(), new Layout.ColumnMapping(f.name(), null, Map.of(), true));
            }
        }
        List<String> signature = type.fields().stream().filter(Field::required).map(Field::name).toList();
        return new Layout(type.id(), type.name() + " (A4P+ Monitor layout)", type.id(), signature, fields,
                Layout.Duplicates.REJECT, false, 0, null, List.of());
    }

    private Optional<Layout> layout(YamlNode node, Map<String, RecordType> types) {
        String id = requiredText(node, "id");
        String typeId = requiredText(node, "record_type");
        if (id == null || typeId == null) {
            return Optional.empty();
        }
        RecordType type = types.get(typeId);
        if (type == null) {
            problem(node, "layout '" + id + "' maps to unknown record type '" + typeId + "'");
            return Optional.empty();
        }
        Map<String, Layout.ColumnMapping> fields = new LinkedHashMap<>();
        YamlNode fieldsNode = node.get("fields").orElse(null);
        if (fieldsNode == null || !fieldsNode.isMap()) {
            problem(node, "layout '" + id + "' needs 'fields': a map of field to column");
            return Optional.empty();
        }
        fieldsNode.entries().forEach((fieldName, mapping) -> {
            if (type.field(fieldName).isEmpty()) {
                problem(mapping, "layout '" + id + "' maps unknown field '" + fieldName + "' of '" + typeId + "'");
                return;
            }
            if (mapping.isScalar()) {
                fields.put(fieldName, new Layout.ColumnMapping(mapping.text(), null, Map.of(), true));
            } else {
                Map<String, String> values = new LinkedHashMap<>();
                mapping.get("values").ifPresent(v -> v.entries().forEach((from, to) -> values.put(from, to.text())));
                String column = optionalText(mapping, "column");
                String constant = optionalText(mapping, "constant");
                if ((column == null) == (constant == null)) {
                    problem(mapping, "field '" + fieldName + "' needs exactly one of 'column' or 'constant'");
                }
                fields.put(fieldName, new Layout.ColumnMapping(column, constant, values, true));
            }
        });
        for (Field f : type.fields()) {
            if (f.required() && !fields.containsKey(f.name())) {
                problem(fieldsNode, "layout '" + id + "' does not map required field '" + f.name() + "'");
            }
        }
        Layout.Duplicates duplicates = Layout.Duplicates.REJECT;
        Optional<YamlNode> dup = node.get("duplicates");
        if (dup.isPresent()) {
            Map<String, String> mayDiffer = new LinkedHashMap<>();
            dup.get().get("may_differ").ifPresent(m -> m.entries().forEach((f, alt) -> mayDiffer.put(f, alt.text())));
            duplicates = new Layout.Duplicates(flag(dup.get(), "merge"), textList(dup.get(), "sum"), mayDiffer);
            mayDiffer.forEach((f, alt) -> {
                if (type.field(f).isEmpty() || (alt != null && type.field(alt).isEmpty())) {
                    problem(dup.get(), "duplicates.may_differ names a field that '" + typeId + "' does not have: " + f + (alt == null ? "" : " or " + alt));
                }
            });
            for (String f : duplicates.sum()) {
                if (type.field(f).map(x -> !x.type().isNumeric()).orElse(true)) {
                    problem(dup.get(), "duplicates.sum names '" + f + "', which is not a numeric field of '" + typeId + "'");
                }
            }
        }
        String missionLife = Optional.ofNullable(optionalText(node, "mission_life")).orElse("reject");
        if (!missionLife.equals("reject") && !missionLife.equals("warn")) {
            problem(node, "mission_life must be reject or warn, got '" + missionLife + "'");
        }
        Double grace = number(node, "mission_start_grace_days");
        if (grace != null && (grace < 0 || grace != Math.rint(grace) || !missionLife.equals("warn"))) {
            problem(node.get("mission_start_grace_days").orElseThrow(),
                    "mission_start_grace_days must be a whole number of days, 0 or more, and needs mission_life: warn");
        }
        List<String> signature = textList(node, "signature");
        if (signature.isEmpty()) {
            problem(node, "layout '" + id + "' needs a 'signature': the header columns that identify it");
        }
        return Optional.of(new Layout(id, Optional.ofNullable(optionalText(node, "name")).orElse(id), typeId, signature,
                fields, duplicates, missionLife.equals("warn"), grace == null ? 0 : grace.intValue(),
                optionalText(node, "snapshot_column"), totals(node, id)));
    }

    /** {@code totals: [{column: total, parts: [male, female]}]}: columns of the file, not fields. */
    private List<Layout.Total> totals(YamlNode node, String layoutId) {
        List<Layout.Total> out = new ArrayList<>();
        for (YamlNode total : node.get("totals").map(YamlNode::items).orElse(List.of())) {
            String column = requiredText(total, "column");
            List<String> parts = textList(total, "parts");
            if (parts.size() < 2) {
                problem(total, "a total of layout '" + layoutId + "' needs 'parts': at least two columns that add up to it");
            }
            if (column != null) {
                out.add(new Layout.Total(column, parts));
            }
        }
        return List.copyOf(out);
    }

    private Optional<Indicator> indicator(YamlNode node, Set<String> priorities, Set<String> areas) {
        String id = requiredText(node, "id");
        String name = requiredText(node, "name");
        String nameFr = requiredText(node, "name_fr");
        String formula = requiredText(node, "formula");
        String priority = requiredText(node, "priority");
        String unit = requiredText(node, "unit");
        String directionText = requiredText(node, "direction");
        if (id == null || name == null || formula == null || priority == null || unit == null || directionText == null) {
            return Optional.empty();
        }
        if (!INDICATOR_ID.matcher(id).matches()) {
            problem(node, "indicator id '" + id + "' must look like P4.FATALITIES_MALICIOUS (priority, dot, upper case)");
        } else if (!id.startsWith(priority + ".")) {
            problem(node, "indicator '" + id + "' is mapped to priority " + priority + " but its id names another");
        }
        if (!priorities.contains(priority)) {
            problem(node.get("priority").orElse(node), "indicator '" + id + "' is mapped to unknown priority '" + priority
                    + "'; known: " + new java.util.TreeSet<>(priorities));
        }
        List<String> indicatorAreas = textList(node, "commitment_areas");
        if (indicatorAreas.isEmpty()) {
            problem(node, "indicator '" + id + "' is mapped to no commitment area");
        }
        for (String area : indicatorAreas) {
            if (!areas.contains(area)) {
                problem(node, "indicator '" + id + "' names unknown commitment area '" + area + "'");
            }
        }
        if (!UNITS.contains(unit)) {
            problem(node.get("unit").orElse(node), "indicator '" + id + "': unit must be one of " + new java.util.TreeSet<>(UNITS) + ", got '" + unit + "'");
        }
        Indicator.Direction direction = switch (directionText) {
            case "higher" -> Indicator.Direction.HIGHER;
            case "lower" -> Indicator.Direction.LOWER;
            default -> {
                problem(node.get("direction").orElse(node), "direction must be higher or lower, got '" + directionText + "'");
                yield Indicator.Direction.HIGHER;
            }
        };
        String owner = Optional.ofNullable(optionalText(node, "owner")).orElse(owners.isEmpty() ? "" : owners.get(0));
        if (!owners.isEmpty() && !owners.contains(owner)) {
            problem(node, "indicator '" + id + "': owner must be one of " + String.join(", ", owners)
                    + " (settings.owners), got '" + owner + "'");
        }
        Indicator.Benchmark baseline = node.get("baseline").map(this::benchmark).orElse(null);
        List<Indicator.Benchmark> targets = node.get("targets").map(YamlNode::items).orElse(List.of()).stream()
                .map(this::benchmark).filter(java.util.Objects::nonNull).toList();
        return Optional.of(new Indicator(id, name, nameFr, optionalText(node, "definition"), unit,
                direction, formula, priority, indicatorAreas, owner, textList(node, "disaggregations"),
                flag(node, "headline"), baseline, targets, optionalText(node, "source"), node.where(),
                baselineYear(node, "baseline_year")));
    }

    private Indicator.Benchmark benchmark(YamlNode node) {
        Double year = number(node, "year");
        Double value = number(node, "value");
        String source = optionalText(node, "source");
        if (year == null || value == null) {
            problem(node, "a baseline or target needs 'year' and 'value'");
            return null;
        }
        if (source == null) {
            problem(node, "a baseline or target needs a 'source' (a document, 'seed', or 'analyst')");
        }
        return new Indicator.Benchmark(year.intValue(), value, source);
    }

    private OrgUnits orgUnits(YamlNode node) {
        List<OrgUnit> units = new ArrayList<>();
        if (node == null) {
            problems.add(new PackProblem("pack.yaml", 1, "missing 'orgunits' with the scopes and the missions and sites files"));
            return new OrgUnits(List.of(), units);
        }
        List<Scope> declared = scopes(node);
        for (Scope scope : declared) {
            units.add(new OrgUnit(scope.code(), scope.name(), OrgUnit.Level.SCOPE, null, scope.code(), null, null, null, null));
        }
        Set<String> scopeCodes = declared.stream().map(Scope::code).collect(java.util.stream.Collectors.toSet());
        String missionsFile = requiredText(node, "missions");
        Map<String, String> scopes = new LinkedHashMap<>();
        if (missionsFile != null) {
            readCsv(missionsFile, row -> {
                String scope = row.get("scope");
                if (!scopeCodes.contains(scope)) {
                    problems.add(new PackProblem(missionsFile, (int) row.getRecordNumber() + 1,
                            "scope must be one of the pack's scopes " + declared.stream().map(Scope::code).toList() + ", got '" + scope + "'"));
                }
                scopes.put(row.get("code"), scope);
                units.add(new OrgUnit(row.get("code"), row.get("name"), OrgUnit.Level.MISSION, scope, scope,
                        date(missionsFile, row, "start_date"), date(missionsFile, row, "end_date"),
                        decimal(row.get("latitude")), decimal(row.get("longitude"))));
            });
        }
        String sitesFile = optionalText(node, "sites");
        if (sitesFile != null) {
            readCsv(sitesFile, row -> {
                String mission = row.get("mission");
                if (!scopes.containsKey(mission)) {
                    problems.add(new PackProblem(sitesFile, (int) row.getRecordNumber() + 1, "site of unknown mission '" + mission + "'"));
                    return;
                }
                units.add(new OrgUnit(row.get("code"), row.get("name"), OrgUnit.Level.SITE, mission, scopes.get(mission),
                        null, null, decimal(row.get("latitude")), decimal(row.get("longitude"))));
            });
        }
        return new OrgUnits(declared, units);
    }

    /** {@code orgunits.scopes}: the roots of the tree, each with a code and a name. */
    private List<Scope> scopes(YamlNode node) {
        List<Scope> out = new ArrayList<>();
        Optional<YamlNode> list = node.get("scopes");
        if (list.isEmpty() || !list.get().isList() || list.get().items().isEmpty()) {
            problem(node, "orgunits needs 'scopes': the roots of the org-unit tree, each with a code and a name");
            return out;
        }
        for (YamlNode scope : list.get().items()) {
            String code = requiredText(scope, "code");
            String name = requiredText(scope, "name");
            if (code != null && name != null) {
                if (out.stream().anyMatch(s -> s.code().equals(code))) {
                    problem(scope, "scope '" + code + "' is declared twice");
                }
                out.add(new Scope(code, name, flag(scope, "reports_monthly"), flag(scope, "in_templates")));
            }
        }
        return out;
    }

    private void readCsv(String file, java.util.function.Consumer<CSVRecord> each) {
        try (Reader reader = source.reader(file)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                each.accept(row);
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new PackProblem(file, 1, "cannot read the CSV file: " + e.getMessage()));
        }
    }

    private LocalDate date(String file, CSVRecord row, String column) {
        String text = row.get(column);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new PackProblem(file, (int) row.getRecordNumber() + 1, column + ": expected a date like 2020-12-31, got '" + text + "'"));
            return null;
        }
    }

    private static Double decimal(String text) {
        return text == null || text.isBlank() ? null : Double.valueOf(text);
    }
}
