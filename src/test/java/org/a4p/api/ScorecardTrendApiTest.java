package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.a4p.access.Role;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trends on the scorecard over real HTTP on H2 and PostgreSQL. Malicious-act deaths (baseline
 * year 2017; the pack suppresses cells under 5 records for public readers): MINUSCA 8 in 2017 and
 * 3 in 2020, MONUSCO 2 and 7, UNMISS 10 and 6; MINUSMA 6 and 5, the next smallest cells, which
 * small-cell suppression hides so that the others cannot be recovered from the totals. A public
 * trend never bounds a suppressed value.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardTrendApiTest {
    @Parameter
    String url;

    ApiFixture api;
    ApiClient http;
    ApiClient.Bearer analyst;
    ApiClient.Bearer delegate;

    @BeforeParameterizedClassInvocation
    void start() throws java.sql.SQLException {
        api = new ApiFixture(url);
        http = api.client;
        api.addUser("hq", Role.ANALYST);
        api.addUser("envoy", Role.DELEGATE);
        analyst = api.token("hq");
        delegate = api.token("envoy");
        StringBuilder csv = new StringBuilder(ReadingApiTest.HEADER).append('\n');
        deaths(csv, "MINUSCA", 2017, 8);
        deaths(csv, "MINUSCA", 2020, 3);
        deaths(csv, "MONUSCO", 2017, 2);
        deaths(csv, "MONUSCO", 2020, 7);
        deaths(csv, "UNMISS", 2017, 10);
        deaths(csv, "UNMISS", 2020, 6);
        deaths(csv, "MINUSMA", 2017, 6);
        deaths(csv, "MINUSMA", 2020, 5);
        HttpResponse<String> imported = http.send("POST", "/api/v1/submissions?type=fatality", analyst,
                ApiClient.Body.file("fatalities.csv", csv.toString()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        Fixtures.approveAllAndPublish(api.app);
    }

    private static void deaths(StringBuilder csv, String mission, int year, int count) {
        for (int i = 1; i <= count; i++) {
            csv.append(String.format("%s-%d-%05d,%d-04-%02d,%s,military,malicious_act,M,BGD,%n", mission, year, i, year, i, mission));
        }
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    private JsonNode fatalities(String mission, ApiClient.Credentials caller) {
        JsonNode card = ApiClient.json(http.get("/api/v1/scorecards?org_unit=" + mission + "&year=2020", caller));
        for (JsonNode priority : card.get("priorities")) {
            for (JsonNode row : priority.get("indicators")) {
                if (row.get("id").asText().equals("P4.FATALITIES_MALICIOUS")) {
                    return row;
                }
            }
        }
        throw new AssertionError("no P4.FATALITIES_MALICIOUS on " + card);
    }

    private static List<Object> trend(JsonNode row) {
        return Arrays.asList(row.get("value").isNull() ? null : row.get("value").asInt(), row.get("trend").isNull() ? null : row.get("trend").asText(),
                row.get("baseline_year").asInt(), row.get("baseline_value").isNull() ? null : row.get("baseline_value").asInt());
    }

    @Test
    void aSuppressedValueHasNoTrendForPublicReaders() {
        assertThat(trend(fatalities("MINUSCA", ApiClient.ANONYMOUS))).containsExactly(null, null, 2017, 8);
        assertThat(trend(fatalities("MINUSCA", delegate))).containsExactly(null, null, 2017, 8);
        assertThat(trend(fatalities("MINUSCA", analyst))).containsExactly(3, "improving", 2017, 8);
    }

    @Test
    void aSuppressedBaselineGivesNoTrendEitherAndIsNotShown() {
        assertThat(trend(fatalities("MONUSCO", ApiClient.ANONYMOUS))).containsExactly(7, null, 2017, null);
        assertThat(trend(fatalities("MONUSCO", analyst))).containsExactly(7, "worsening", 2017, 2);
    }

    @Test
    void publicReadersSeeTheTrendWhenBothValuesAreShown() {
        assertThat(trend(fatalities("UNMISS", ApiClient.ANONYMOUS))).containsExactly(6, "improving", 2017, 10);
    }

    @Test
    void theOpenApiScorecardRowNamesEveryFieldARowHas() throws IOException {
        JsonNode document;
        try (InputStream in = ScorecardTrendApiTest.class.getResourceAsStream("/api/openapi.json")) {
            document = new ObjectMapper().readTree(in);
        }
        JsonNode schema = document.at("/components/schemas/ScorecardRow");
        List<String> documented = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(documented::add);
        List<String> served = new ArrayList<>();
        fatalities("UNMISS", analyst).fieldNames().forEachRemaining(served::add);

        assertThat(documented).containsExactlyElementsOf(served);
        assertThat(schema.at("/properties/trend/enum").toString())
                .isEqualTo("[\"improving\",\"stable\",\"worsening\",\"no_baseline\",\"no_data\",null]");
    }
}
