package org.a4p.indicators;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.indicators.formula.Aggregate;
import org.a4p.indicators.formula.AggregateFunction;
import org.a4p.indicators.formula.Formula;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/**
 * What the engine reads from one record type for a set of indicators: the aggregates on the type
 * (those summed, counted or bounded, and the medians, which need every value), the fields their
 * values are broken down by, and whether the type is grouped by day (a last() needs the day) or
 * by month. The digest tells stored partials computed for another layout from those of this one.
 */
final class TypeLayout {
    final RecordType type;
    /** Aggregates whose partials are a measure and a record count, in the order partial rows hold them. */
    final List<Aggregate> plain;
    /** Aggregates that need a histogram of values; histogram n of a partial row is the n-th (from 1). */
    final List<Aggregate> medians;
    /** The breakdown fields each aggregate's values are computed by. */
    final Map<Aggregate, Set<String>> disaggregations;
    /** Every breakdown field of the type, in the order partial rows hold their values. */
    final List<String> groupFields;
    final boolean byDay;

    private TypeLayout(RecordType type, Map<Aggregate, Set<String>> disaggregations) {
        this.type = type;
        this.disaggregations = disaggregations;
        this.plain = disaggregations.keySet().stream().filter(a -> a.function() != AggregateFunction.MEDIAN).toList();
        this.medians = disaggregations.keySet().stream().filter(a -> a.function() == AggregateFunction.MEDIAN).toList();
        Set<String> fields = new LinkedHashSet<>();
        disaggregations.values().forEach(fields::addAll);
        this.groupFields = List.copyOf(fields);
        this.byDay = plain.stream().anyMatch(a -> a.function() == AggregateFunction.LAST);
    }

    /** The layout of every record type the indicators read, by type id, in the order the indicators first read them. */
    static Map<String, TypeLayout> of(Pack pack, Map<String, Formula> formulas, List<Indicator> indicators) {
        Map<String, Map<Aggregate, Set<String>>> byType = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            for (Aggregate aggregate : formulas.get(indicator.id()).aggregates()) {
                RecordType type = pack.recordType(aggregate.recordType()).orElseThrow();
                Set<String> fields = byType.computeIfAbsent(type.id(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(aggregate, a -> new LinkedHashSet<>());
                for (String field : indicator.disaggregations()) {
                    if (type.field(field).isPresent()) {
                        fields.add(field);
                    }
                }
            }
        }
        Map<String, TypeLayout> out = new LinkedHashMap<>();
        byType.forEach((id, aggregates) -> out.put(id, new TypeLayout(pack.recordType(id).orElseThrow(), aggregates)));
        return out;
    }

    int plainIndex(Aggregate aggregate) {
        return plain.indexOf(aggregate);
    }

    /** 1 for the first median, as partial rows number their histograms. */
    int histogramOf(Aggregate median) {
        return medians.indexOf(median) + 1;
    }

    /** A digest of everything a partial row's meaning depends on: the type's grain, fields and aggregates. */
    String digest() {
        StringBuilder text = new StringBuilder(type.id()).append('|').append(byDay ? "day" : "month").append('|')
                .append(String.join(",", groupFields)).append('|').append(type.missionField()).append(',').append(type.siteField())
                .append(',').append(type.dateField());
        plain.forEach(a -> text.append("|p:").append(a));
        medians.forEach(a -> text.append("|m:").append(a));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
