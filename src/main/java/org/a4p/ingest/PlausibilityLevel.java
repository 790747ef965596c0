package org.a4p.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.a4p.orgunit.OrgUnits;
import org.a4p.pack.Field;
import org.a4p.pack.Plausibility;
import org.a4p.pack.RecordType;

/**
 * One level of one plausibility rule (such as the scope, or the mission): each group's tally by
 * month, over the records the rule's {@code where} takes. Months are counted as {@code year * 12 +
 * month - 1}.
 */
final class PlausibilityLevel {
    private static final char SEPARATOR = '\u001f';

    private final String typeId;
    private final Plausibility rule;
    private final List<String> tokens;
    private final OrgUnits orgUnits;
    /** Per token, the field it reads; for {@link Plausibility#SCOPE}, the mission field. */
    private final int[] tokenFields;
    private final int dateField;
    private final int numeratorField;
    private final int[] denominatorFields;
    private final List<Integer> whereFields = new ArrayList<>();
    private final List<Set<String>> whereCodes = new ArrayList<>();
    private final Map<String, Map<Integer, MonthTally>> groups = new HashMap<>();

    PlausibilityLevel(RecordType type, OrgUnits orgUnits, Plausibility rule, List<String> tokens) {
        this.typeId = type.id();
        this.rule = rule;
        this.tokens = tokens;
        this.orgUnits = orgUnits;
        List<Field> fields = type.fields();
        this.tokenFields = tokens.stream()
                .mapToInt(t -> indexOf(fields, Plausibility.SCOPE.equals(t) ? type.missionField() : t)).toArray();
        this.dateField = indexOf(fields, type.dateField());
        this.numeratorField = rule.numerator() == null ? -1 : indexOf(fields, rule.numerator());
        this.denominatorFields = rule.denominator().stream().mapToInt(d -> indexOf(fields, d)).toArray();
        rule.where().forEach((field, codes) -> {
            whereFields.add(indexOf(fields, field));
            whereCodes.add(codes);
        });
    }

    Plausibility rule() {
        return rule;
    }

    String typeId() {
        return typeId;
    }

    /** The indexes of the fields this level reads. */
    Set<Integer> fieldsRead() {
        Set<Integer> out = new TreeSet<>(whereFields);
        out.add(dateField);
        for (int field : tokenFields) {
            out.add(field);
        }
        if (numeratorField >= 0) {
            out.add(numeratorField);
        }
        for (int field : denominatorFields) {
            out.add(field);
        }
        return out;
    }

    /** Adds a record to its group and month; a non-null file marks the month as changed by this import. */
    void add(Object[] values, String file, long row) {
        String group = group(values);
        if (group == null || !measurable(values)) {
            return;
        }
        MonthTally tally = groups.computeIfAbsent(group, g -> new HashMap<>())
                .computeIfAbsent(month((LocalDate) values[dateField]), m -> new MonthTally());
        double denominator = 0;
        for (int field : denominatorFields) {
            denominator += ((Number) values[field]).doubleValue();
        }
        tally.add(numeratorField < 0 ? 0 : ((Number) values[numeratorField]).doubleValue(), denominator);
        if (file != null) {
            tally.changedAt(file, row);
        }
    }

    /** The record's group and month as one string, or null when the rule does not take the record. */
    String key(Object[] values) {
        String group = group(values);
        return group == null || !measurable(values) ? null : key(group, month((LocalDate) values[dateField]));
    }

    static String key(String group, int month) {
        return group + SEPARATOR + month;
    }

    /** The months that hold a record this import adds or revises. */
    Set<Integer> changedMonths() {
        Set<Integer> out = new TreeSet<>();
        groups.values().forEach(series -> series.forEach((month, tally) -> {
            if (tally.changed()) {
                out.add(month);
            }
        }));
        return out;
    }

    /**
     * Every changed group and month found implausible, by month then group. Months are judged in
     * order, and a month found implausible is no reference for the months after it: it does not
     * count in their history, which reaches one month further back instead. So a file whose every
     * month is wild is found wild in every month, not only until its own months fill the history.
     */
    List<PlausibilityFinding> judge() {
        List<PlausibilityFinding> out = new ArrayList<>();
        groups.forEach((group, series) -> {
            Set<Integer> implausible = new HashSet<>();
            int first = Collections.min(series.keySet());
            for (int month : new TreeSet<>(series.keySet())) {
                MonthTally tally = series.get(month);
                Double value = tally.changed() ? value(tally) : null;
                if (value == null) {
                    continue;
                }
                History history = history(series, month, first, implausible);
                if (history.values().length >= rule.minHistory()) {
                    RobustJudgement.of(rule, value, tally.denominator, history.values()).ifPresent(judgement -> {
                        implausible.add(month);
                        out.add(new PlausibilityFinding(this, group, month, describe(group, month), tally, judgement,
                                history.leftOut()));
                    });
                }
            }
        });
        out.sort(Comparator.comparingInt(PlausibilityFinding::month).thenComparing(PlausibilityFinding::group));
        return out;
    }

    /**
     * The values of the {@code historyMonths} months before {@code month}, leaving out those found
     * implausible. For a count, a month without records counts 0 from the group's first month on (a
     * flow that did not happen); for a share or a sum such a month has no value (a stock not
     * reported is not zero).
     */
    private History history(Map<Integer, MonthTally> series, int month, int first, Set<Integer> implausible) {
        List<Double> out = new ArrayList<>();
        int counted = 0;
        int leftOut = 0;
        for (int m = month - 1; counted < rule.historyMonths(); m--) {
            if (rule.measure() == Plausibility.Measure.COUNT && m < first) {
                break;
            }
            if (implausible.contains(m)) {
                leftOut++;
                continue;
            }
            counted++;
            MonthTally tally = series.get(m);
            if (rule.measure() == Plausibility.Measure.COUNT) {
                out.add(tally == null ? 0.0 : tally.records);
            } else if (tally != null && value(tally) != null) {
                out.add(value(tally));
            }
        }
        return new History(out.stream().mapToDouble(Double::doubleValue).toArray(), leftOut);
    }

    /** The values a month is compared with, and how many months found implausible were passed over for them. */
    private record History(double[] values, int leftOut) {}

    /** The rule's measure of a month: null for a share of nothing. */
    Double value(MonthTally tally) {
        return switch (rule.measure()) {
            case COUNT -> (double) tally.records;
            case SUM -> tally.numerator;
            case SHARE -> tally.denominator > 0 ? tally.numerator / tally.denominator : null;
        };
    }

    /** Reads like {@code scope PKO, category military_contingent, month 2020-08}. */
    private String describe(String group, int month) {
        String[] parts = group.split(String.valueOf(SEPARATOR), -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i) + " " + parts[i]);
        }
        rule.where().forEach((field, codes) -> out.add(field + " " + String.join(" or ", new TreeSet<>(codes))));
        out.add("month " + String.format("%04d-%02d", month / 12, month % 12 + 1));
        return String.join(", ", out);
    }

    private String group(Object[] values) {
        for (int i = 0; i < whereFields.size(); i++) {
            Object code = values[whereFields.get(i)];
            if (code == null || !whereCodes.get(i).contains(code.toString())) {
                return null;
            }
        }
        if (!(values[dateField] instanceof LocalDate)) {
            return null;
        }
        if (tokens.size() == 1) {
            return token(values, 0);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String value = token(values, i);
            if (value == null) {
                return null;
            }
            out.append(i > 0 ? String.valueOf(SEPARATOR) : "").append(value);
        }
        return out.toString();
    }

    private String token(Object[] values, int i) {
        Object value = values[tokenFields[i]];
        if (value == null) {
            return null;
        }
        return Plausibility.SCOPE.equals(tokens.get(i)) ? orgUnits.scopeOf(value.toString()) : value.toString();
    }

    /** False when a field the measure adds up is empty. */
    private boolean measurable(Object[] values) {
        if (numeratorField >= 0 && !(values[numeratorField] instanceof Number)) {
            return false;
        }
        for (int field : denominatorFields) {
            if (!(values[field] instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    static int month(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private static int indexOf(List<Field> fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }
}
