package org.a4p.sdmx;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.a4p.i18n.Language;
import org.a4p.i18n.Messages;
import org.a4p.indicators.formula.Formula;
import org.a4p.orgunit.OrgUnit;
import org.a4p.pack.CodeList;
import org.a4p.pack.Field;
import org.a4p.pack.Indicator;
import org.a4p.pack.Pack;
import org.a4p.pack.RecordType;

/**
 * The SDMX data structure of published indicator values, built from the pack: the dataflow
 * {@code A4P:A4P_INDICATORS(1.0.0)}, its data structure definition, concepts and code lists. The
 * series key is {@code INDICATOR.REF_AREA.DISAGGREGATION.FREQ}, then {@code TIME_PERIOD}
 * ({@code 2020}, {@code 2020-Q3}, {@code 2020-07}); attributes say the unit, the observation's
 * status, whether its cell was suppressed, whether it is synthetic or was accepted though
 * implausible, the releases that first published and last revised it, and its records.
 *
 * <p>Names are in English and French where the pack has both (indicators, the fixed lists and the
 * components); org units and the codes of disaggregations have English names only.
 */
public final class DataStructure {
    public static final String AGENCY = "A4P";
    public static final String FLOW = "A4P_INDICATORS";
    public static final String DSD = "DSD_A4P_INDICATORS";
    public static final String CONCEPTS = "CS_A4P";
    public static final String VERSION = "1.0.0";
    public static final List<String> DIMENSIONS = List.of("INDICATOR", "REF_AREA", "DISAGGREGATION", "FREQ");
    public static final String TIME = "TIME_PERIOD";
    public static final String MEASURE = "OBS_VALUE";

    /** A localised text: English always, French where there is one. */
    public record Text(String en, String fr) {
        static Text of(String en) {
            return new Text(en, null);
        }
    }

    public record Code(String id, Text name, Text description, String parent) {}

    public record Codelist(String id, Text name, List<Code> codes) {
        public Optional<Code> code(String id) {
            return codes.stream().filter(c -> c.id().equals(id)).findFirst();
        }
    }

    /** A non-coded attribute's SDMX data type ({@code Boolean}, {@code Integer}). */
    public record Attribute(String id, Text name, String codelist, String dataType, List<String> dimensions) {
        boolean isSeriesLevel() {
            return !dimensions.isEmpty();
        }
    }

    public static final List<String> OBS_STATUS = List.of("A", "P", "R");
    public static final List<String> CONF_STATUS = List.of("F", "C");
    public static final List<String> FREQUENCIES = List.of("A", "Q", "M");

    private final Pack pack;
    private final SdmxIds indicators;
    private final SdmxIds orgUnits;
    private final Map<String, Codelist> codelists = new LinkedHashMap<>();
    private final List<Attribute> attributes;

    /** {@code published}: the disaggregation labels of the values published, besides those the pack's code lists give. */
    public DataStructure(Pack pack, Collection<String> published) {
        this.pack = pack;
        this.indicators = SdmxIds.indicators(pack.indicators().stream().map(Indicator::id).toList());
        this.orgUnits = SdmxIds.orgUnits(pack.orgUnits().all().stream().map(OrgUnit::code).toList());
        Messages en = Messages.of("sdmx", Language.EN);
        Messages fr = Messages.of("sdmx", Language.FR);
        add(new Codelist("CL_INDICATOR", text("CL_INDICATOR"), pack.indicators().stream()
                .map(i -> new Code(indicators.sdmx(i.id()), new Text(i.name(), i.nameFr()), Text.of(i.definition().strip()), null)).toList()));
        add(new Codelist("CL_REF_AREA", text("CL_REF_AREA"), pack.orgUnits().all().stream()
                .map(u -> new Code(orgUnits.sdmx(u.code()), Text.of(u.name()), null, u.parent() == null ? null : orgUnits.sdmx(u.parent())))
                .toList()));
        add(new Codelist("CL_DISAGGREGATION", text("CL_DISAGGREGATION"), disaggregationCodes(published)));
        add(fixed("CL_FREQ", "FREQ", FREQUENCIES));
        add(new Codelist("CL_UNIT", text("CL_UNIT"), pack.indicators().stream().map(Indicator::unit).distinct().sorted()
                .map(unit -> new Code(unit, new Text(en.getOr("UNIT." + unit, unit), fr.getOr("UNIT." + unit, unit)), null, null)).toList()));
        add(fixed("CL_OBS_STATUS", "OBS_STATUS", OBS_STATUS));
        add(fixed("CL_CONF_STATUS", "CONF_STATUS", CONF_STATUS));
        this.attributes = List.of(
                new Attribute("UNIT_MEASURE", text("UNIT_MEASURE"), "CL_UNIT", null, List.of("INDICATOR")),
                new Attribute("OBS_STATUS", text("OBS_STATUS"), "CL_OBS_STATUS", null, List.of()),
                new Attribute("CONF_STATUS", text("CONF_STATUS"), "CL_CONF_STATUS", null, List.of()),
                new Attribute("SYNTHETIC", text("SYNTHETIC"), null, "Boolean", List.of()),
                new Attribute("IMPLAUSIBLE", text("IMPLAUSIBLE"), null, "Boolean", List.of()),
                new Attribute("RELEASE", text("RELEASE"), null, "Integer", List.of()),
                new Attribute("FIRST_RELEASE", text("FIRST_RELEASE"), null, "Integer", List.of()),
                new Attribute("RECORDS", text("RECORDS"), null, "Integer", List.of()));
    }

    private void add(Codelist codelist) {
        codelists.put(codelist.id(), codelist);
    }

    private static Codelist fixed(String id, String prefix, List<String> codes) {
        return new Codelist(id, text(id), codes.stream().map(code -> new Code(code, text(prefix + "." + code), null, null)).toList());
    }

    /** A component's or list's name in both languages, from the {@code sdmx} bundle. */
    public static Text text(String key) {
        return new Text(Messages.of("sdmx", Language.EN).get(key), Messages.of("sdmx", Language.FR).get(key));
    }

    /**
     * The total, every code of the code lists of the fields that indicators are disaggregated by
     * (named "field: label"), and any other label that was published (a field without a code list).
     */
    private List<Code> disaggregationCodes(Collection<String> published) {
        Map<String, Code> byLabel = new LinkedHashMap<>();
        byLabel.put("", new Code(SdmxIds.TOTAL, text("DISAGGREGATION._T"), null, null));
        TreeSet<String> labels = new TreeSet<>(published);
        for (Indicator indicator : pack.indicators()) {
            for (String type : Formula.parse(indicator.formula()).recordTypes()) {
                RecordType recordType = pack.recordType(type).orElse(null);
                for (String name : indicator.disaggregations()) {
                    Optional<Field> field = recordType == null ? Optional.empty() : recordType.field(name);
                    CodeList list = field.map(Field::codeList).map(pack.codeLists()::get).orElse(null);
                    if (list != null) {
                        list.labels().forEach((code, label) -> byLabel.putIfAbsent(name + "=" + code,
                                new Code(SdmxIds.disaggregation(name + "=" + code), Text.of(name + ": " + label), null, null)));
                    }
                }
            }
        }
        for (String label : labels) {
            byLabel.computeIfAbsent(label, l -> new Code(SdmxIds.disaggregation(l), Text.of(l.replace("=", ": ")), null, null));
        }
        return new ArrayList<>(byLabel.values());
    }

    public SdmxIds indicators() {
        return indicators;
    }

    public SdmxIds orgUnits() {
        return orgUnits;
    }

    public Collection<Codelist> codelists() {
        return codelists.values();
    }

    public Optional<Codelist> codelist(String id) {
        return Optional.ofNullable(codelists.get(id));
    }

    public List<Attribute> attributes() {
        return attributes;
    }

    /** The code list of each dimension, in key order. */
    public static String codelistOf(String dimension) {
        return switch (dimension) {
            case "INDICATOR" -> "CL_INDICATOR";
            case "REF_AREA" -> "CL_REF_AREA";
            case "DISAGGREGATION" -> "CL_DISAGGREGATION";
            case "FREQ" -> "CL_FREQ";
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    public Pack pack() {
        return pack;
    }

    public static String urn(String kind, String id) {
        String pkg = switch (kind) {
            case "Dataflow", "DataStructure" -> "datastructure";
            case "Codelist" -> "codelist";
            case "ConceptScheme" -> "conceptscheme";
            default -> throw new IllegalArgumentException(kind);
        };
        return "urn:sdmx:org.sdmx.infomodel." + pkg + "." + kind + "=" + AGENCY + ":" + id + "(" + VERSION + ")";
    }

    public static String conceptUrn(String concept) {
        return "urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=" + AGENCY + ":" + CONCEPTS + "(" + VERSION + ")." + concept;
    }

    /** The flow's reference as SDMX-CSV writes it: {@code A4P:A4P_INDICATORS(1.0.0)}. */
    public static String flowReference() {
        return AGENCY + ":" + FLOW + "(" + VERSION + ")";
    }
}
