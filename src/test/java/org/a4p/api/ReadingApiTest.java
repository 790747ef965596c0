package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Reading the API over real HTTP on H2 and PostgreSQL: values and scorecards complete for staff
 * and with small cells suppressed for delegates and anonymous readers (the pack's threshold is 5
 * records), the catalogue with restricted fields marked, and parameters read strictly.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadingApiTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final String MINUSCA_2020 = "/api/v1/values?indicator=P4.FATALITIES_MALICIOUS&org_unit=MINUSCA&period=2020&totals=true";

    @Parameter
    String url;

    ApiFixture api;
    ApiClient http;
    ApiClient.Bearer analyst;
    ApiClient.Bearer delegate;

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiFixture(url);
        http = api.client;
        api.addUser("hq", Role.ANALYST);
        api.addUser("envoy", Role.DELEGATE);
        analyst = api.token("hq");
        delegate = api.token("envoy");
        // 3 malicious-act deaths in MINUSCA (a small cell), 7 in MONUSCO, all in 2020.
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 3; i++) {
            csv.append("MINUSCA-2020-03-0000").append(i).append(",2020-03-0").append(i).append(",MINUSCA,military,malicious_act,M,BGD,\n");
        }
        for (int i = 1; i <= 7; i++) {
            csv.append("MONUSCO-2020-04-0000").append(i).append(",2020-04-0").append(i).append(",MONUSCO,military,malicious_act,M,IND,\n");
        }
        HttpResponse<String> imported = http.send("POST", "/api/v1/submissions?type=fatality", analyst,
                ApiClient.Body.file("fatalities-2020.csv", csv.toString()));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        try {
            Fixtures.approveAllAndPublish(api.app);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    @Test
    void aValueOnFewerRecordsThanTheThresholdIsSuppressedForAnonymousAndDelegatesAndCompleteForAnAnalyst() {
        String suppressed = "[{\"indicator\":\"P4.FATALITIES_MALICIOUS\",\"org_unit\":\"MINUSCA\",\"period\":\"2020\",\"disaggregation\":\"\","
                + "\"value\":null,\"records\":null,\"synthetic\":false,\"flagged\":false,\"suppressed\":true,\"provisional\":false,"
                + "\"first_release\":1,\"last_revised\":1}]";
        assertThat(http.get(MINUSCA_2020, ApiClient.ANONYMOUS).body()).isEqualTo(suppressed);
        assertThat(http.get(MINUSCA_2020, delegate).body()).isEqualTo(suppressed);
        assertThat(http.get(MINUSCA_2020, analyst).body()).isEqualTo("[{\"indicator\":\"P4.FATALITIES_MALICIOUS\",\"org_unit\":\"MINUSCA\","
                + "\"period\":\"2020\",\"disaggregation\":\"\",\"value\":3,\"records\":3,\"synthetic\":false,\"flagged\":false,\"suppressed\":false,"
                + "\"provisional\":false,\"first_release\":null,\"last_revised\":null}]");
    }

    @Test
    void everyPublicValueIsSuppressedBelowTheThresholdOrShownAsStored() {
        String all = "/api/v1/values?indicator=P4.FATALITIES_MALICIOUS"; // years, every org unit and disaggregation
        JsonNode staff = ApiClient.json(http.get(all, analyst));
        JsonNode published = ApiClient.json(http.get(all, ApiClient.ANONYMOUS));
        assertThat(published.size()).isEqualTo(staff.size()).isGreaterThan(0);
        Map<String, JsonNode> stored = new HashMap<>();
        staff.forEach(value -> {
            assertThat(value.get("suppressed").asBoolean()).isFalse();
            stored.put(key(value), value);
        });
        int shown = 0;
        for (JsonNode value : published) {
            JsonNode original = stored.get(key(value));
            long records = original.get("records").asLong();
            if (records >= 1 && records < 5) {
                assertThat(value.get("suppressed").asBoolean()).as(key(value)).isTrue();
            }
            if (value.get("suppressed").asBoolean()) {
                assertThat(value.get("value").isNull() && value.get("records").isNull()).as(key(value)).isTrue();
            } else {
                // The published value is the staff view's, plus the releases that published it.
                assertThat(value.get("first_release").asInt()).isEqualTo(1);
                com.fasterxml.jackson.databind.node.ObjectNode figure = value.deepCopy();
                figure.put("first_release", (String) null).put("last_revised", (String) null);
                assertThat(figure).as(key(value)).isEqualTo(original);
                shown++;
            }
        }
        assertThat(shown).as("values on 5 records or more that nothing forces to hide").isPositive();
    }

    @Test
    void aSuppressedScorecardValueTakesItsRecordsAndStatusAlong() {
        JsonNode publicRow = headline(ApiClient.json(http.get("/api/v1/scorecards?org_unit=MINUSCA&year=2020", ApiClient.ANONYMOUS)));
        assertThat(List.of(publicRow.get("value").isNull(), publicRow.get("records").isNull(), publicRow.get("status").isNull(),
                publicRow.get("suppressed").asBoolean())).containsExactly(true, true, true, true);
        JsonNode staffRow = headline(ApiClient.json(http.get("/api/v1/scorecards?org_unit=MINUSCA&year=2020", analyst)));
        assertThat(List.of(staffRow.get("value").asInt(), staffRow.get("records").asInt(), staffRow.get("suppressed").asBoolean()))
                .containsExactly(3, 3, false);
        JsonNode byArea = ApiClient.json(http.get("/api/v1/scorecards?org_unit=MINUSCA&year=2020&by=commitment_area", analyst));
        assertThat(byArea.has("commitment_areas")).isTrue();
        assertThat(byArea.has("priorities")).isFalse();
    }

    private static JsonNode headline(JsonNode card) {
        for (JsonNode priority : card.get("priorities")) {
            for (JsonNode row : priority.get("indicators")) {
                if (row.get("id").asText().equals("P4.FATALITIES_MALICIOUS")) {
                    return row;
                }
            }
        }
        throw new AssertionError("no P4.FATALITIES_MALICIOUS on " + card);
    }

    @Test
    void recordTypesMarkTheirRestrictedFieldsAndWhoMaySeeThem() {
        JsonNode fatality = ApiClient.json(http.get("/api/v1/record-types/fatality", ApiClient.ANONYMOUS));
        assertThat(fatality.get("restricted_access").toString()).isEqualTo("[\"medical_officer\"]");
        JsonNode name = null;
        for (JsonNode field : fatality.get("fields")) {
            if (field.get("name").asText().equals("name")) {
                name = field;
            }
        }
        assertThat(name).isNotNull();
        assertThat(List.of(name.get("confidentiality").asText(), name.get("restricted").asBoolean())).containsExactly("restricted", true);
        HttpResponse<String> unknown = http.get("/api/v1/record-types/nonesuch", ApiClient.ANONYMOUS);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).get("type").asText()).isEqualTo("urn:a4p:problem:not-found");
    }

    @Test
    void aTemplateIsAnXlsxWorkbook() {
        HttpResponse<String> template = http.get("/api/v1/record-types/fatality/template", analyst);
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type")).hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(template.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"fatality.xlsx\"");
        assertThat(template.body()).startsWith("PK"); // a zip
    }

    @Test
    void parametersAreReadStrictly() {
        HttpResponse<String> misspelt = http.get("/api/v1/values?indicatr=P4.FATALITIES_ALL", analyst);
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(misspelt).get("detail").asText())
                .isEqualTo("parameter 'indicatr': expected one of by, indicator, org_unit, period, totals");
        assertThat(ApiClient.json(http.get("/api/v1/values?by=week", analyst)).get("errors").toString())
                .isEqualTo("[{\"parameter\":\"by\",\"value\":\"week\",\"expected\":\"expected year, quarter, month\"}]");
        HttpResponse<String> unknownIndicator = http.get("/api/v1/values?indicator=NOPE", analyst);
        assertThat(unknownIndicator.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknownIndicator).get("type").asText()).isEqualTo("urn:a4p:problem:invalid");
        HttpResponse<String> noPersonnel = http.get("/api/v1/ranking", ApiClient.ANONYMOUS);
        assertThat(noPersonnel.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(noPersonnel).get("type").asText()).isEqualTo("urn:a4p:problem:no-data");
    }

    private static String key(JsonNode value) {
        return value.get("org_unit").asText() + " " + value.get("period").asText() + " " + value.get("disaggregation").asText();
    }
}
