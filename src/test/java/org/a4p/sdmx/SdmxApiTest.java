package org.a4p.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.disclosure.PublicValue;
import org.a4p.release.Release;
import org.a4p.support.Fixtures;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDMX endpoints on a real server over H2 and PostgreSQL, with two releases (the second
 * adds a month, so it revises the quarter and the year): messages validated against the standard's JSON schemas, CSV read
 * back and compared with the public API's values, the key and c[] filters, updatedAfter, the
 * first and last N observations, ETag and 304, and a planted restricted value and a suppressed
 * cell's figures absent from every format.
 */
@ParameterizedClass
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdmxApiTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final String PLANTED = "Planted Sdmx Name";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Parameter
    String url;

    @TempDir
    static Path folder;

    App app;
    WebServer server;
    Release first;
    Release second;
    Schema dataSchema;
    Schema structureSchema;

    @BeforeParameterizedClassInvocation
    void publishTwoReleases() throws Exception {
        app = new App(Fixtures.pack(), Database.open(url), Clock.systemUTC());
        server = WebServer.start(app, ServerSettings.loopback(0));
        List<String> january = new ArrayList<>(List.of(HEADER));
        for (int i = 1; i <= 12; i++) {
            january.add(String.format("MINUSCA-2020-01-%05d,2020-01-%02d,MINUSCA,military,malicious_act,M,BGD,%s", i, i, i == 1 ? PLANTED : "Name " + i));
        }
        january.add("MINUSCA-2020-02-00100,2020-02-10,MINUSCA,police,accident,F,RWA,Lone Name");
        Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "first-" + Math.abs(url.hashCode()) + ".csv",
                january.toArray(String[]::new))));
        first = Fixtures.approveAllAndPublish(app);
        Thread.sleep(20); // the second release is published strictly later
        Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "second-" + Math.abs(url.hashCode()) + ".csv", HEADER,
                "MINUSCA-2020-03-00013,2020-03-20,MINUSCA,military,malicious_act,M,BGD,Name 13")));
        second = Fixtures.approveAllAndPublish(app);
        // Formats asserted: the schemas tell a date-time from a date by format alone (meta.prepared is oneOf the two).
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream data = getClass().getResourceAsStream("/sdmx/sdmx-json-data-schema.json");
                InputStream structure = getClass().getResourceAsStream("/sdmx/sdmx-json-structure-schema.json")) {
            dataSchema = registry.getSchema(data);
            structureSchema = registry.getSchema(structure);
        }
    }

    @AfterParameterizedClassInvocation
    void stop() {
        server.stop();
        app.close();
    }

    @Test
    void theWholeFlowAsSdmxJsonValidatesAndHoldsEveryPublishedValue() throws Exception {
        HttpResponse<String> response = get("/sdmx/data/A4P_INDICATORS", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.sdmx.data+json;version=2.0.0");
        JsonNode message = JSON.readTree(response.body());
        assertValid(dataSchema, message);
        Map<String, Observation> observations = observations(message);
        List<PublicValue> published = published();
        assertThat(observations).hasSize(published.size());
        for (PublicValue value : published) {
            Observation observation = observations.get(keyOf(value));
            assertThat(observation).as(keyOf(value)).isNotNull();
            assertThat(observation.value()).as(keyOf(value)).isEqualTo(value.value());
            assertThat(observation.confidential()).isEqualTo(value.suppressed());
            assertThat(observation.release()).isEqualTo(value.lastRevised());
        }
        // the year the second release revised (a March record was added) is R, with both releases named
        Observation revised = observations.get("P4_FATALITIES_ALL.MINUSCA._T.A.2020");
        assertThat(revised.value()).isEqualTo(14.0);
        assertThat(revised.status()).isEqualTo("R");
        assertThat(revised.release()).isEqualTo(second.number());
        assertThat(revised.firstRelease()).isEqualTo(first.number());
        assertThat(response.body()).doesNotContain("Planted").doesNotContain(PLANTED);
    }

    @Test
    void smallCellsAreSuppressedInBothFormatsAndNamedConfidential() throws Exception {
        JsonNode message = JSON.readTree(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL.MINUSCA", Map.of()).body());
        Observation lone = observations(message).get("P4_FATALITIES_ALL.MINUSCA._T.M.2020-02");
        assertThat(lone.confidential()).isTrue();
        assertThat(lone.value()).isNull();
        assertThat(lone.records()).isNull();
        List<CSVRecord> rows = csv(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL.MINUSCA._T.M", Map.of("format", "csv")).body());
        CSVRecord february = rows.stream().filter(r -> r.get("TIME_PERIOD").equals("2020-02")).findFirst().orElseThrow();
        assertThat(february.get("OBS_VALUE")).isEqualTo("NaN");
        assertThat(february.get("CONF_STATUS")).isEqualTo("C");
        assertThat(february.get("RECORDS")).isEmpty();
    }

    @Test
    void sdmxCsvFollowsTheFieldGuideAndMatchesTheApiValueForValue() throws Exception {
        HttpResponse<String> response = get("/sdmx/data/A4P_INDICATORS", Map.of(), "Accept", "application/vnd.sdmx.data+csv;version=2.0.0");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.sdmx.data+csv;version=2.0.0");
        assertThat(response.body()).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,DISAGGREGATION,FREQ,TIME_PERIOD,OBS_VALUE,");
        List<CSVRecord> rows = csv(response.body());
        Map<String, CSVRecord> byKey = new HashMap<>();
        for (CSVRecord row : rows) {
            assertThat(row.get("STRUCTURE")).isEqualTo("dataflow");
            assertThat(row.get("STRUCTURE_ID")).isEqualTo("A4P:A4P_INDICATORS(1.0.0)");
            assertThat(row.get("ACTION")).isEqualTo("R");
            byKey.put(String.join(".", row.get("INDICATOR"), row.get("REF_AREA"), row.get("DISAGGREGATION"), row.get("FREQ"), row.get("TIME_PERIOD")), row);
        }
        List<PublicValue> published = published();
        assertThat(byKey).hasSize(published.size());
        for (PublicValue value : published) {
            CSVRecord row = byKey.get(keyOf(value));
            assertThat(row).as(keyOf(value)).isNotNull();
            if (value.suppressed()) {
                assertThat(row.get("OBS_VALUE")).isEqualTo("NaN");
            } else if (value.value() == null) {
                assertThat(row.get("OBS_VALUE")).as(keyOf(value)).isEmpty();
            } else {
                assertThat(Double.parseDouble(row.get("OBS_VALUE"))).as(keyOf(value)).isEqualTo(value.value());
                assertThat(row.get("RECORDS")).isEqualTo(String.valueOf(value.records()));
            }
            assertThat(row.get("RELEASE")).isEqualTo(String.valueOf(value.lastRevised()));
        }
        assertThat(response.body()).doesNotContain("Planted");
    }

    @Test
    void keysAndComponentFiltersSelectSeries() throws Exception {
        Map<String, Observation> one = observations(JSON.readTree(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL.MINUSCA._T.M", Map.of()).body()));
        assertThat(one).isNotEmpty().allSatisfy((key, o) -> assertThat(key).startsWith("P4_FATALITIES_ALL.MINUSCA._T.M."));
        Map<String, Observation> two = observations(JSON.readTree(get(
                "/sdmx/data/dataflow/A4P/A4P_INDICATORS/1.0.0/P4_FATALITIES_ALL+P4_FATALITIES_MALICIOUS.MINUSCA._T.A", Map.of()).body()));
        assertThat(two.keySet()).containsExactlyInAnyOrder("P4_FATALITIES_ALL.MINUSCA._T.A.2020", "P4_FATALITIES_MALICIOUS.MINUSCA._T.A.2020");
        Map<String, Observation> filtered = observations(JSON.readTree(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL",
                Map.of("c[REF_AREA]", "MINUSCA", "c[FREQ]", "M", "c[TIME_PERIOD]", "ge:2020-02")).body()));
        assertThat(filtered).isNotEmpty().allSatisfy((key, o) -> assertThat(key).matches("P4_FATALITIES_ALL\\.MINUSCA\\.[^.]+\\.M\\.2020-(0[2-9]|1[0-2])"));
        Map<String, Observation> last = observations(JSON.readTree(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL.MINUSCA._T.M",
                Map.of("lastNObservations", "1")).body()));
        assertThat(last.keySet()).containsExactly("P4_FATALITIES_ALL.MINUSCA._T.M.2020-03");
        assertThat(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL.UNMISS", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/sdmx/data/A4P_INDICATORS/NO_SUCH_INDICATOR", Map.of()).statusCode()).isEqualTo(404);
        HttpResponse<String> badKey = get("/sdmx/data/A4P_INDICATORS/A.B.C.D.E", Map.of());
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).contains("INDICATOR.REF_AREA.DISAGGREGATION.FREQ");
        assertThat(get("/sdmx/data/A4P_INDICATORS", Map.of("c[TIME_PERIOD]", "ge:20x0")).statusCode()).isEqualTo(400);
        assertThat(get("/sdmx/data/A4P_INDICATORS", Map.of(), "Accept", "application/xml").statusCode()).isEqualTo(406);
        assertThat(get("/sdmx/data/OTHER_FLOW", Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void updatedAfterGivesWhatLaterReleasesChangedOnly() throws Exception {
        String between = first.publishedAt().plusMillis(1).toString();
        JsonNode message = JSON.readTree(get("/sdmx/data/A4P_INDICATORS", Map.of("updatedAfter", between)).body());
        assertValid(dataSchema, message);
        Map<String, Observation> changed = observations(message);
        assertThat(changed).containsKeys("P4_FATALITIES_ALL.MINUSCA._T.A.2020", "P4_FATALITIES_ALL.MINUSCA._T.M.2020-03");
        assertThat(changed.values()).allSatisfy(o -> assertThat(o.release()).isEqualTo(second.number()));
        // exactly the values release 2 added or changed (a figure, or its suppression) against release 1
        Map<String, org.a4p.release.ReleasedValue> before = new HashMap<>();
        for (org.a4p.release.ReleasedValue v : app.releases().asOf(first.number(), null).orElseThrow(f -> new IllegalStateException(f.message()))) {
            before.put(keyOf(new PublicValue(v.indicator(), v.orgUnit(), v.period(), v.disaggregation(), v.value(), v.records(), false, false,
                    v.suppressed())), v);
        }
        List<String> differing = new ArrayList<>();
        for (PublicValue now : published()) {
            org.a4p.release.ReleasedValue then = before.get(keyOf(now));
            if (then == null || !java.util.Objects.equals(then.value(), now.value()) || then.suppressed() != now.suppressed()
                    || !java.util.Objects.equals(then.records(), now.records())) {
                differing.add(keyOf(now));
            }
        }
        assertThat(changed.keySet()).containsExactlyInAnyOrderElementsOf(differing);
        assertThat(changed.size()).isLessThan(published().size());
        List<CSVRecord> rows = csv(get("/sdmx/data/A4P_INDICATORS", Map.of("updatedAfter", between, "format", "csv")).body());
        assertThat(rows).hasSize(changed.size() + (int) rows.stream().filter(r -> r.get("ACTION").equals("D")).count());
        assertThat(get("/sdmx/data/A4P_INDICATORS", Map.of("updatedAfter", second.publishedAt().toString())).statusCode()).isEqualTo(404);
        assertThat(get("/sdmx/data/A4P_INDICATORS", Map.of("updatedAfter", "yesterday")).statusCode()).isEqualTo(400);
    }

    @Test
    void anETagAnswersAnUnchangedRequestWith304() throws Exception {
        HttpResponse<String> first = get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL", Map.of(), "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<String> csv = get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_ALL", Map.of("format", "csv"), "If-None-Match", etag);
        assertThat(csv.statusCode()).as("another representation has another tag").isEqualTo(200);
        HttpResponse<String> other = get("/sdmx/data/A4P_INDICATORS/P4_FATALITIES_MALICIOUS", Map.of(), "If-None-Match", etag);
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void structureMessagesValidateAndNameCodesInBothLanguages() throws Exception {
        for (String path : List.of("/sdmx/structure/dataflow/A4P/A4P_INDICATORS/1.0.0?references=all",
                "/sdmx/structure/datastructure/A4P/DSD_A4P_INDICATORS/1.0.0?references=children", "/sdmx/structure/codelist",
                "/sdmx/structure/conceptscheme/A4P/CS_A4P/1.0.0", "/sdmx/structure/codelist/A4P/CL_INDICATOR/latest")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept-Language", "fr").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.sdmx.structure+json;version=2.0.0");
            assertValid(structureSchema, JSON.readTree(response.body()));
        }
        JsonNode indicators = JSON.readTree(get("/sdmx/structure/codelist/A4P/CL_INDICATOR", Map.of()).body()).at("/data/codelists/0/codes");
        JsonNode fatalities = null;
        for (JsonNode code : indicators) {
            if (code.get("id").asText().equals("P4_FATALITIES_ALL")) {
                fatalities = code;
            }
        }
        assertThat(fatalities).isNotNull();
        assertThat(fatalities.at("/names/en").asText()).isEqualTo(app.pack().indicator("P4.FATALITIES_ALL").orElseThrow().name());
        assertThat(fatalities.at("/names/fr").asText()).isEqualTo(app.pack().indicator("P4.FATALITIES_ALL").orElseThrow().nameFr());
        JsonNode areas = JSON.readTree(get("/sdmx/structure/codelist/A4P/CL_REF_AREA", Map.of()).body()).at("/data/codelists/0/codes");
        assertThat(areas.findValuesAsText("id")).contains("MINUSCA", "PKO");
        assertThat(get("/sdmx/structure/codelist/A4P/CL_NOTHING", Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/sdmx/structure/widget", Map.of()).statusCode()).isEqualTo(404);
    }

    // --- helpers

    record Observation(Double value, String status, boolean confidential, Integer release, Integer firstRelease, Long records) {}

    private void assertValid(Schema schema, JsonNode message) {
        List<Error> errors = schema.validate(message);
        assertThat(errors).as("schema errors").isEmpty();
    }

    /** Every observation of a JSON data message's replace data set, by dotted key and period. */
    static Map<String, Observation> observations(JsonNode message) {
        JsonNode structure = message.at("/data/structures/0");
        JsonNode dimensions = structure.at("/dimensions/series");
        JsonNode periods = structure.at("/dimensions/observation/0/values");
        JsonNode attributes = structure.at("/attributes/observation");
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            at.put(attributes.get(i).get("id").asText(), i + 1);
        }
        Map<String, Observation> out = new HashMap<>();
        JsonNode series = message.at("/data/dataSets/0/series");
        for (Iterator<Map.Entry<String, JsonNode>> it = series.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String[] indexes = entry.getKey().split(":");
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < indexes.length; i++) {
                key.append(i == 0 ? "" : ".").append(dimensions.get(i).get("values").get(Integer.parseInt(indexes[i])).get("id").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> obs = entry.getValue().get("observations").fields(); obs.hasNext();) {
                Map.Entry<String, JsonNode> o = obs.next();
                JsonNode array = o.getValue();
                String period = periods.get(Integer.parseInt(o.getKey())).get("id").asText();
                String status = attributes.get(at.get("OBS_STATUS") - 1).get("values").get(array.get(at.get("OBS_STATUS")).asInt()).get("id").asText();
                String conf = attributes.get(at.get("CONF_STATUS") - 1).get("values").get(array.get(at.get("CONF_STATUS")).asInt()).get("id").asText();
                out.put(key + "." + period, new Observation(array.get(0).isNull() ? null : array.get(0).asDouble(), status, conf.equals("C"),
                        array.get(at.get("RELEASE")).asInt(), array.get(at.get("FIRST_RELEASE")).asInt(),
                        array.get(at.get("RECORDS")).isNull() ? null : array.get(at.get("RECORDS")).asLong()));
            }
        }
        return out;
    }

    /** The latest release's values, as the public API reads them. */
    private List<PublicValue> published() throws Exception {
        try (java.sql.Connection connection = app.database().dataSource().getConnection()) {
            return new org.a4p.release.ReleaseStore().published(connection, new org.a4p.indicators.ValueQuery.Filter(null, null, null, null, false));
        }
    }

    private String keyOf(PublicValue value) {
        String frequency = switch (value.period().length()) {
            case 4 -> "A";
            case 7 -> value.period().charAt(5) == 'Q' ? "Q" : "M";
            default -> throw new IllegalArgumentException(value.period());
        };
        return String.join(".", value.indicator().replace('.', '_'), value.orgUnit(), SdmxIds.disaggregation(value.disaggregation()), frequency,
                value.period());
    }

    private static List<CSVRecord> csv(String body) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }

    private HttpResponse<String> get(String path, Map<String, String> query, String... headers) throws Exception {
        StringBuilder uri = new StringBuilder(server.url()).append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
