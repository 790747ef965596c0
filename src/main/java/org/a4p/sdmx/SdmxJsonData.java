package org.a4p.sdmx;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.i18n.Language;
import org.a4p.indicators.Period;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;

/**
 * An SDMX-JSON data message, streamed: the data sets come first, series by series, and the
 * structure after them, since only then are the dimension values the message holds known (their
 * indexes are given as they are met; SDMX-JSON does not make their order significant). Every
 * dimension of the key is at series level, {@code TIME_PERIOD} at observation level. An
 * observation is {@code [OBS_VALUE, OBS_STATUS, CONF_STATUS, SYNTHETIC, IMPLAUSIBLE, RELEASE,
 * FIRST_RELEASE, RECORDS]}; a suppressed value and its records are null.
 */
final class SdmxJsonData implements DataWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator json;
    private final DataStructure structure;
    private final Language language;
    private final Instant prepared;
    private final String self;
    private final List<Map<String, Integer>> seriesValues = new ArrayList<>();
    private final Map<String, Integer> periods = new LinkedHashMap<>();
    private final List<String> units;
    private boolean deleting;

    SdmxJsonData(OutputStream out, DataStructure structure, Language language, Instant prepared, String self) throws IOException {
        this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
        this.structure = structure;
        this.language = language;
        this.prepared = prepared;
        this.self = self;
        for (int i = 0; i < DataStructure.DIMENSIONS.size(); i++) {
            seriesValues.add(new LinkedHashMap<>());
        }
        this.units = structure.codelist("CL_UNIT").orElseThrow().codes().stream().map(DataStructure.Code::id).toList();
    }

    @Override
    public void begin(Release release) throws IOException {
        json.writeStartObject();
        json.writeStringField("$schema", SdmxJson.DATA_SCHEMA);
        SdmxJson.meta(json, "A4P_R" + release.number() + "_" + prepared.toEpochMilli(), prepared, language, self);
        json.writeObjectFieldStart("data");
        json.writeArrayFieldStart("dataSets");
        startDataSet(release, "Replace");
    }

    private void startDataSet(Release release, String action) throws IOException {
        json.writeStartObject();
        json.writeNumberField("structure", 0);
        json.writeStringField("action", action);
        if (release != null) {
            json.writeStringField("validFrom", release.publishedAt().toString());
            json.writeStringField("publicationYear", Integer.toString(release.publishedAt().atZone(ZoneOffset.UTC).getYear()));
        }
        json.writeObjectFieldStart("series");
    }

    @Override
    public void series(Series series) throws IOException {
        json.writeObjectFieldStart(key(series));
        json.writeArrayFieldStart("attributes");
        json.writeNumber(units.indexOf(series.unit()));
        json.writeEndArray();
        json.writeObjectFieldStart("observations");
        for (Series.Observation observation : series.observations()) {
            ReleasedValue v = observation.value();
            json.writeArrayFieldStart(Integer.toString(period(v.period())));
            if (v.value() == null) {
                json.writeNull();
            } else {
                json.writeNumber(v.value());
            }
            json.writeNumber(DataStructure.OBS_STATUS.indexOf(observation.status()));
            json.writeNumber(v.suppressed() ? 1 : 0);
            json.writeBoolean(v.synthetic());
            json.writeBoolean(v.flagged());
            json.writeNumber(v.release());
            json.writeNumber(v.firstRelease());
            if (v.records() == null) {
                json.writeNull();
            } else {
                json.writeNumber(v.records());
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    @Override
    public void deleted(Series series) throws IOException {
        if (!deleting) {
            json.writeEndObject(); // series
            json.writeEndObject(); // the replace data set
            startDataSet(null, "Delete");
            deleting = true;
        }
        json.writeObjectFieldStart(key(series));
        json.writeObjectFieldStart("observations");
        for (Series.Observation observation : series.observations()) {
            json.writeArrayFieldStart(Integer.toString(period(observation.value().period())));
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private String key(Series series) {
        String[] codes = {structure.indicators().sdmx(series.indicator()), structure.orgUnits().sdmx(series.orgUnit()),
                SdmxIds.disaggregation(series.disaggregation()), Series.frequency(series.grain())};
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            Map<String, Integer> values = seriesValues.get(i);
            key.append(i == 0 ? "" : ":").append(values.computeIfAbsent(codes[i], c -> values.size()));
        }
        return key.toString();
    }

    private int period(String period) {
        return periods.computeIfAbsent(period, p -> periods.size());
    }

    @Override
    public void end() throws IOException {
        json.writeEndObject(); // series
        json.writeEndObject(); // the last data set
        json.writeEndArray();
        json.writeArrayFieldStart("structures");
        json.writeStartObject();
        SdmxJson.names(json, "name", DataStructure.text("flow.name"), language);
        json.writeArrayFieldStart("links");
        SdmxJson.link(json, "/sdmx/structure/dataflow/" + DataStructure.AGENCY + "/" + DataStructure.FLOW + "/" + DataStructure.VERSION,
                "dataflow", DataStructure.urn("Dataflow", DataStructure.FLOW));
        SdmxJson.link(json, "/sdmx/structure/datastructure/" + DataStructure.AGENCY + "/" + DataStructure.DSD + "/" + DataStructure.VERSION,
                "datastructure", DataStructure.urn("DataStructure", DataStructure.DSD));
        json.writeEndArray();
        json.writeObjectFieldStart("dimensions");
        json.writeArrayFieldStart("dataSet");
        json.writeEndArray();
        json.writeArrayFieldStart("series");
        for (int i = 0; i < DataStructure.DIMENSIONS.size(); i++) {
            String dimension = DataStructure.DIMENSIONS.get(i);
            DataStructure.Codelist list = structure.codelist(DataStructure.codelistOf(dimension)).orElseThrow();
            json.writeStartObject();
            json.writeStringField("id", dimension);
            SdmxJson.names(json, "name", DataStructure.text(dimension), language);
            json.writeNumberField("keyPosition", i);
            if (dimension.equals("FREQ") || dimension.equals("REF_AREA")) {
                json.writeArrayFieldStart("roles");
                json.writeString(dimension);
                json.writeEndArray();
            }
            json.writeArrayFieldStart("values");
            for (String code : seriesValues.get(i).keySet()) {
                json.writeStartObject();
                json.writeStringField("id", code);
                SdmxJson.names(json, "name", list.code(code).map(DataStructure.Code::name).orElse(DataStructure.Text.of(code)), language);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("observation");
        json.writeStartObject();
        json.writeStringField("id", DataStructure.TIME);
        SdmxJson.names(json, "name", DataStructure.text(DataStructure.TIME), language);
        json.writeNumberField("keyPosition", DataStructure.DIMENSIONS.size());
        json.writeArrayFieldStart("roles");
        json.writeString(DataStructure.TIME);
        json.writeEndArray();
        json.writeArrayFieldStart("values");
        for (String period : periods.keySet()) {
            json.writeStartObject();
            json.writeStringField("id", period);
            json.writeStringField("name", period);
            LocalDate start = SdmxQuery.start(period);
            json.writeStringField("start", start.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
            json.writeStringField("end", Period.endOf(period).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1).toString());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject(); // dimensions
        json.writeObjectFieldStart("measures");
        json.writeArrayFieldStart("observation");
        json.writeStartObject();
        json.writeStringField("id", DataStructure.MEASURE);
        SdmxJson.names(json, "name", DataStructure.text(DataStructure.MEASURE), language);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("attributes");
        json.writeArrayFieldStart("dataSet");
        json.writeEndArray();
        json.writeArrayFieldStart("series");
        for (DataStructure.Attribute attribute : structure.attributes()) {
            if (attribute.isSeriesLevel()) {
                attribute(attribute);
            }
        }
        json.writeEndArray();
        json.writeArrayFieldStart("observation");
        for (DataStructure.Attribute attribute : structure.attributes()) {
            if (!attribute.isSeriesLevel()) {
                attribute(attribute);
            }
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeArrayFieldStart("dataSets");
        json.writeNumber(0);
        if (deleting) {
            json.writeNumber(1);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray(); // structures
        json.writeEndObject(); // data
        json.writeEndObject();
        json.flush();
    }

    private void attribute(DataStructure.Attribute attribute) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", attribute.id());
        SdmxJson.names(json, "name", attribute.name(), language);
        json.writeObjectFieldStart("relationship");
        if (attribute.isSeriesLevel()) {
            json.writeArrayFieldStart("dimensions");
            for (String dimension : attribute.dimensions()) {
                json.writeString(dimension);
            }
            json.writeEndArray();
        } else {
            json.writeObjectFieldStart("observation");
            json.writeEndObject();
        }
        json.writeEndObject();
        if (attribute.codelist() != null) {
            json.writeArrayFieldStart("values");
            for (DataStructure.Code code : structure.codelist(attribute.codelist()).orElseThrow().codes()) {
                json.writeStartObject();
                json.writeStringField("id", code.id());
                SdmxJson.names(json, "name", code.name(), language);
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            json.writeObjectFieldStart("format");
            json.writeStringField("dataType", attribute.dataType());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
