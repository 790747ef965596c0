package org.a4p.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.a4p.app.Failure;
import org.a4p.app.Outcome;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.Field;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/** Use case: what the framework pack defines, as the API shows it: org units, record types and their fields, indicators. */
final class Catalogue {
    record OrgUnitView(String code, String name, String level, String parent, String scope, LocalDate start, LocalDate end,
            Double latitude, Double longitude) {
        static OrgUnitView of(OrgUnit unit) {
            return new OrgUnitView(unit.code(), unit.name(), unit.level().name().toLowerCase(Locale.ROOT), unit.parent(), unit.scope(),
                    unit.start(), unit.end(), unit.latitude(), unit.longitude());
        }
    }

    /** {@code restricted}: only the roles the type's {@code restrictedAccess} names see the field's values. */
    record FieldView(String name, String type, boolean required, String codeList, List<String> codes, BigDecimal min, BigDecimal max,
            String pattern, String confidentiality, boolean restricted, boolean derived, String description) {}

    record RecordTypeView(String id, String name, String description, String dateField, String missionField, String siteField,
            List<String> key, boolean systemWritten, List<String> restrictedAccess, List<FieldView> fields) {}

    record Benchmark(int year, double value, String source) {
        static Benchmark of(Indicator.Benchmark benchmark) {
            return benchmark == null ? null : new Benchmark(benchmark.year(), benchmark.value(), benchmark.source());
        }
    }

    record IndicatorView(String id, String name, String nameFr, String definition, String unit, String direction, String formula,
            String priority, List<String> commitmentAreas, List<String> disaggregations, boolean headline, Benchmark baseline,
            List<Benchmark> targets, String source) {}

    private final Pack pack;

    Catalogue(Pack pack) {
        this.pack = pack;
    }

    /** {@code level} null: every level; else scope, mission or site. */
    List<OrgUnitView> orgUnits(String level) {
        return pack.orgUnits().all().stream()
                .filter(unit -> level == null || unit.level().name().equalsIgnoreCase(level))
                .map(OrgUnitView::of).toList();
    }

    List<RecordTypeView> recordTypes() {
        return pack.recordTypes().values().stream().map(this::view).toList();
    }

    Outcome<RecordTypeView> recordType(String id) {
        return pack.recordType(id).map(type -> Outcome.ok(view(type)))
                .orElseGet(() -> Outcome.failed(Failure.notFound("no record type '" + Params.shown(id) + "'; record types: "
                        + String.join(", ", pack.recordTypes().keySet()))));
    }

    /** {@code priority} null: every indicator. */
    Outcome<List<IndicatorView>> indicators(String priority) {
        if (priority != null && pack.priority(priority).isEmpty()) {
            return Outcome.failed(Failure.invalid("unknown priority '" + Params.shown(priority) + "'; priorities: "
                    + String.join(", ", pack.priorities().stream().map(p -> p.id()).toList())));
        }
        return Outcome.ok(pack.indicators().stream()
                .filter(indicator -> priority == null || indicator.priority().equals(priority))
                .map(Catalogue::view).toList());
    }

    private RecordTypeView view(RecordType type) {
        return new RecordTypeView(type.id(), type.name(), type.description(), type.dateField(), type.missionField(), type.siteField(),
                type.key(), type.reporting().system(), type.restrictedAccess(), type.fields().stream().map(field -> view(type, field)).toList());
    }

    private FieldView view(RecordType type, Field field) {
        List<String> codes = field.codeList() == null || !pack.codeLists().containsKey(field.codeList()) ? null
                : pack.codeLists().get(field.codeList()).codes();
        return new FieldView(field.name(), field.type().word(), field.required(), field.codeList(), codes, field.min(), field.max(),
                field.pattern(), field.confidentiality().name().toLowerCase(Locale.ROOT), field.isRestricted(), type.isDerived(field.name()),
                field.description());
    }

    private static IndicatorView view(Indicator indicator) {
        return new IndicatorView(indicator.id(), indicator.name(), indicator.nameFr(), indicator.definition(), indicator.unit(),
                indicator.direction() == null ? null : indicator.direction().name().toLowerCase(Locale.ROOT), indicator.formula(),
                indicator.priority(), indicator.commitmentAreas(), indicator.disaggregations(), indicator.headline(),
                Benchmark.of(indicator.baseline()), indicator.targets().stream().map(Benchmark::of).toList(), indicator.source());
    }
}
