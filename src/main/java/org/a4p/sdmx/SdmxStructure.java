package org.a4p.sdmx;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.a4p.i18n.Language;

/**
 * SDMX-JSON structure messages of the structure endpoints: the dataflow, its data structure
 * definition, the concept scheme and the code lists, each alone or with what it references
 * ({@code references=none|parents|children|descendants|all}). Artefacts are selected by agency,
 * id and version, each of which may be {@code *} (and the version {@code ~} or {@code latest}).
 */
public final class SdmxStructure {
    public static final List<String> RESOURCES = List.of("dataflow", "datastructure", "conceptscheme", "codelist");
    public static final List<String> REFERENCES = List.of("none", "parents", "children", "descendants", "all");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DataStructure structure;
    private final Language language;

    public SdmxStructure(DataStructure structure, Language language) {
        this.structure = structure;
        this.language = language;
    }

    /**
     * The message for one resource type, or null when no artefact matches. {@code references}
     * must be one of {@link #REFERENCES}.
     */
    public ObjectNode message(String resource, String agency, String id, String version, String references, Instant prepared, String self) {
        if (!matches(agency, DataStructure.AGENCY) || !(version == null || List.of("*", "~", "latest", "+", DataStructure.VERSION).contains(version))) {
            return null;
        }
        Set<String> kinds = new LinkedHashSet<>();
        List<String> codelists = new ArrayList<>();
        switch (resource) {
            case "dataflow" -> {
                if (!matches(id, DataStructure.FLOW)) {
                    return null;
                }
                kinds.add("dataflow");
                if (List.of("children", "descendants", "all").contains(references)) {
                    kinds.add("datastructure");
                }
                if (List.of("descendants", "all").contains(references)) {
                    kinds.add("conceptscheme");
                    kinds.add("codelist");
                }
            }
            case "datastructure" -> {
                if (!matches(id, DataStructure.DSD)) {
                    return null;
                }
                kinds.add("datastructure");
                if (List.of("parents", "all").contains(references)) {
                    kinds.add("dataflow");
                }
                if (List.of("children", "descendants", "all").contains(references)) {
                    kinds.add("conceptscheme");
                    kinds.add("codelist");
                }
            }
            case "conceptscheme" -> {
                if (!matches(id, DataStructure.CONCEPTS)) {
                    return null;
                }
                kinds.add("conceptscheme");
                if (List.of("parents", "all").contains(references)) {
                    kinds.add("datastructure");
                }
            }
            case "codelist" -> {
                structure.codelists().stream().map(DataStructure.Codelist::id).filter(c -> matches(id, c)).forEach(codelists::add);
                if (codelists.isEmpty()) {
                    return null;
                }
                kinds.add("codelist");
                if (List.of("parents", "all").contains(references)) {
                    kinds.add("datastructure");
                }
            }
            default -> throw new IllegalArgumentException(resource);
        }
        if (kinds.contains("codelist") && codelists.isEmpty()) {
            structure.codelists().forEach(c -> codelists.add(c.id()));
        }
        ObjectNode message = NODES.objectNode();
        message.put("$schema", SdmxJson.STRUCTURE_SCHEMA);
        message.set("meta", meta(prepared, self));
        ObjectNode data = message.putObject("data");
        if (kinds.contains("dataflow")) {
            data.putArray("dataflows").add(dataflow());
        }
        if (kinds.contains("datastructure")) {
            data.putArray("dataStructures").add(dataStructure());
        }
        if (kinds.contains("conceptscheme")) {
            data.putArray("conceptSchemes").add(conceptScheme());
        }
        if (kinds.contains("codelist")) {
            ArrayNode lists = data.putArray("codelists");
            codelists.forEach(c -> lists.add(codelist(structure.codelist(c).orElseThrow())));
        }
        return message;
    }

    private static boolean matches(String asked, String actual) {
        return asked == null || asked.equals("*") || asked.equals("all") || asked.equals(actual);
    }

    private ObjectNode meta(Instant prepared, String self) {
        ObjectNode meta = NODES.objectNode();
        meta.put("id", "A4P_STRUCTURE_" + prepared.toEpochMilli());
        meta.put("test", false);
        meta.put("prepared", prepared.toString());
        meta.putArray("contentLanguages").add(language.code()).add(language == Language.FR ? "en" : "fr");
        ObjectNode sender = meta.putObject("sender");
        sender.put("id", DataStructure.AGENCY);
        names(sender, "name", DataStructure.text("agency.name"));
        meta.putArray("links").addObject().put("href", self).put("rel", "self");
        return meta;
    }

    private void names(ObjectNode node, String field, DataStructure.Text text) {
        if (text == null) {
            return;
        }
        node.put(field, language == Language.FR && text.fr() != null ? text.fr() : text.en());
        ObjectNode all = node.putObject(field + "s");
        all.put("en", text.en());
        if (text.fr() != null) {
            all.put("fr", text.fr());
        }
    }

    private ObjectNode maintainable(String kind, String path, String id, DataStructure.Text name) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id);
        node.put("version", DataStructure.VERSION);
        node.put("agencyID", DataStructure.AGENCY);
        node.put("isExternalReference", false);
        names(node, "name", name);
        node.putArray("links").addObject()
                .put("href", "/sdmx/structure/" + path + "/" + DataStructure.AGENCY + "/" + id + "/" + DataStructure.VERSION)
                .put("rel", "self").put("urn", DataStructure.urn(kind, id)).put("type", path);
        return node;
    }

    private ObjectNode dataflow() {
        ObjectNode flow = maintainable("Dataflow", "dataflow", DataStructure.FLOW, DataStructure.text("flow.name"));
        names(flow, "description", DataStructure.text("flow.description"));
        flow.put("structure", DataStructure.urn("DataStructure", DataStructure.DSD));
        return flow;
    }

    private ObjectNode dataStructure() {
        ObjectNode dsd = maintainable("DataStructure", "datastructure", DataStructure.DSD, DataStructure.text("dsd.name"));
        ObjectNode components = dsd.putObject("dataStructureComponents");
        ObjectNode attributes = components.putObject("attributeList");
        attributes.put("id", "AttributeDescriptor");
        ArrayNode attributeList = attributes.putArray("attributes");
        for (DataStructure.Attribute attribute : structure.attributes()) {
            ObjectNode node = attributeList.addObject();
            node.put("id", attribute.id());
            node.put("usage", "optional");
            ObjectNode relationship = node.putObject("attributeRelationship");
            if (attribute.isSeriesLevel()) {
                ArrayNode dimensions = relationship.putArray("dimensions");
                attribute.dimensions().forEach(dimensions::add);
            } else {
                relationship.putObject("observation");
            }
            node.put("conceptIdentity", DataStructure.conceptUrn(attribute.id()));
            representation(node, attribute.codelist(), attribute.dataType());
        }
        ObjectNode dimensions = components.putObject("dimensionList");
        dimensions.put("id", "DimensionDescriptor");
        ArrayNode dimensionList = dimensions.putArray("dimensions");
        for (int i = 0; i < DataStructure.DIMENSIONS.size(); i++) {
            String dimension = DataStructure.DIMENSIONS.get(i);
            ObjectNode node = dimensionList.addObject();
            node.put("id", dimension);
            node.put("position", i + 1);
            node.put("conceptIdentity", DataStructure.conceptUrn(dimension));
            representation(node, DataStructure.codelistOf(dimension), null);
        }
        ObjectNode time = dimensions.putObject("timeDimension");
        time.put("id", DataStructure.TIME);
        time.put("conceptIdentity", DataStructure.conceptUrn(DataStructure.TIME));
        time.putObject("localRepresentation").putObject("format").put("dataType", "ObservationalTimePeriod");
        ObjectNode measures = components.putObject("measureList");
        measures.put("id", "MeasureDescriptor");
        ObjectNode measure = measures.putArray("measures").addObject();
        measure.put("id", DataStructure.MEASURE);
        measure.put("usage", "optional");
        measure.put("conceptIdentity", DataStructure.conceptUrn(DataStructure.MEASURE));
        representation(measure, null, "Double");
        return dsd;
    }

    private static void representation(ObjectNode node, String codelist, String dataType) {
        ObjectNode representation = node.putObject("localRepresentation");
        if (codelist != null) {
            representation.put("enumeration", DataStructure.urn("Codelist", codelist));
        } else {
            representation.putObject("format").put("dataType", dataType);
        }
    }

    private ObjectNode conceptScheme() {
        ObjectNode scheme = maintainable("ConceptScheme", "conceptscheme", DataStructure.CONCEPTS, DataStructure.text("concepts.name"));
        ArrayNode concepts = scheme.putArray("concepts");
        List<String> ids = new ArrayList<>(DataStructure.DIMENSIONS);
        ids.add(DataStructure.TIME);
        ids.add(DataStructure.MEASURE);
        structure.attributes().forEach(a -> ids.add(a.id()));
        for (String id : ids) {
            ObjectNode concept = concepts.addObject();
            concept.put("id", id);
            names(concept, "name", DataStructure.text(id));
        }
        return scheme;
    }

    private ObjectNode codelist(DataStructure.Codelist list) {
        ObjectNode node = maintainable("Codelist", "codelist", list.id(), list.name());
        ArrayNode codes = node.putArray("codes");
        for (DataStructure.Code code : list.codes()) {
            ObjectNode item = codes.addObject();
            item.put("id", code.id());
            names(item, "name", code.name());
            names(item, "description", code.description());
            if (code.parent() != null) {
                item.put("parent", code.parent());
            }
        }
        return node;
    }
}
