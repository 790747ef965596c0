package org.a4p.sdmx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.a4p.app.App;
import org.a4p.db.Database;
import org.a4p.release.Release;
import org.a4p.release.ReleasedValue;
import org.a4p.support.Fixtures;
import org.a4p.web.ServerSettings;
import org.a4p.web.WebServer;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A release that withdraws values (a month's records replaced by fewer, so some breakdowns no
 * longer exist): asked with {@code updatedAfter}, SDMX-JSON carries them in a Delete data set and
 * SDMX-CSV as {@code D} rows with the key only, exactly the values the older release had and the
 * newer one has not.
 */
class SdmxWithdrawalsTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void withdrawnValuesComeAsDeletions(String url) throws Exception {
        try (App app = new App(Fixtures.pack(), Database.open(url), Clock.systemUTC())) {
            WebServer server = WebServer.start(app, ServerSettings.loopback(0));
            try {
                List<String> rows = new ArrayList<>(List.of(HEADER));
                for (int i = 1; i <= 12; i++) {
                    rows.add(String.format("MINUSCA-2020-01-%05d,2020-01-%02d,MINUSCA,%s,malicious_act,%s,BGD,Name %d", i, i,
                            i <= 6 ? "military" : "police", i <= 6 ? "M" : "F", i));
                }
                Fixtures.accepted(Fixtures.importFiles(app, "fatality", false, Fixtures.csv(folder, "all.csv", rows.toArray(String[]::new))));
                Release first = Fixtures.approveAllAndPublish(app);
                app.workflow().run(new ChangeSubmissionStatus.Request(1, Step.REOPEN, Actor.operator("fixture-analyst"), "the police rows were a mistake"))
                        .orElseThrow(f -> new IllegalStateException(f.message()));
                Fixtures.accepted(Fixtures.importFiles(app, "fatality", true,
                        Fixtures.csv(folder, "military.csv", rows.subList(0, 7).toArray(String[]::new))));
                Release second = Fixtures.approveAllAndPublish(app);
                assertThat(second.withdrawn()).isPositive();

                Set<String> expected = keys(app.releases().asOf(first.number(), null).orElseThrow(f -> new IllegalStateException(f.message())));
                expected.removeAll(keys(app.releases().asOf(second.number(), null).orElseThrow(f -> new IllegalStateException(f.message()))));
                assertThat(expected).isNotEmpty().anyMatch(k -> k.contains(".gender-F."));

                String after = "?updatedAfter=" + URLEncoder.encode(first.publishedAt().toString(), StandardCharsets.UTF_8);
                JsonNode message = JSON.readTree(get(server, "/sdmx/data/A4P_INDICATORS" + after).body());
                JsonNode deletions = message.at("/data/dataSets/1");
                assertThat(deletions.get("action").asText()).isEqualTo("Delete");
                assertThat(deletionKeys(message, deletions)).containsExactlyInAnyOrderElementsOf(expected);

                List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new StringReader(get(server, "/sdmx/data/A4P_INDICATORS" + after + "&format=csv").body())).getRecords();
                Set<String> deleted = new HashSet<>();
                for (CSVRecord row : csv) {
                    if (row.get("ACTION").equals("D")) {
                        assertThat(row.get("OBS_VALUE")).isEmpty();
                        deleted.add(String.join(".", row.get("INDICATOR"), row.get("REF_AREA"), row.get("DISAGGREGATION"), row.get("FREQ"),
                                row.get("TIME_PERIOD")));
                    }
                }
                assertThat(deleted).containsExactlyInAnyOrderElementsOf(expected);
            } finally {
                server.stop();
            }
        }
    }

    private static Set<String> keys(List<ReleasedValue> values) {
        Set<String> out = new HashSet<>();
        for (ReleasedValue v : values) {
            String frequency = v.period().length() == 4 ? "A" : v.period().charAt(5) == 'Q' ? "Q" : "M";
            out.add(String.join(".", v.indicator().replace('.', '_'), v.orgUnit(), SdmxIds.disaggregation(v.disaggregation()), frequency, v.period()));
        }
        return out;
    }

    private static Set<String> deletionKeys(JsonNode message, JsonNode dataSet) {
        JsonNode dimensions = message.at("/data/structures/0/dimensions/series");
        JsonNode periods = message.at("/data/structures/0/dimensions/observation/0/values");
        Set<String> out = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = dataSet.get("series").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> series = it.next();
            String[] indexes = series.getKey().split(":");
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < indexes.length; i++) {
                key.append(i == 0 ? "" : ".").append(dimensions.get(i).get("values").get(Integer.parseInt(indexes[i])).get("id").asText());
            }
            series.getValue().get("observations").fieldNames().forEachRemaining(
                    o -> out.add(key + "." + periods.get(Integer.parseInt(o)).get("id").asText()));
        }
        return out;
    }

    private static HttpResponse<String> get(WebServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
