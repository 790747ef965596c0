package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.a4p.access.Role;
import org.a4p.orgunit.OrgUnit;
import org.a4p.support.Fixtures;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GeoJSON maps over real HTTP on H2 and PostgreSQL, parsed back: points in [longitude,
 * latitude] order, each value the one {@code /api/v1/values} publishes, small cells without a
 * number, and nothing that the latest release does not hold (submitted, or approved since).
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeoApiTest {
    static final String ASSESSMENTS = "site,mission,assessed_on,pillar,risk_level";
    static final String HIGH_RISK = "P5.ENVIRONMENT_HIGH_RISK";

    @Parameter
    String url;

    ApiFixture api;
    ApiClient http;
    ApiClient.Bearer analyst;

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiFixture(url);
        http = api.client;
        api.addUser("hq", Role.ANALYST);
        analyst = api.token("hq");
        // Malicious-act deaths in 2020: MINUSCA 3 (a small cell), MONUSCO 7, UNMISS 9, each in one month.
        submit("fatality", fatalities("MINUSCA", "03", 3) + fatalities("MONUSCO", "04", 7) + fatalities("UNMISS", "05", 9));
        // Environmental assessments in March 2021, one pillar: Bambari 8 (3 high), Bangassou 9 (none high),
        // Batangafo 10 (5 high), Alindao 2 (a small cell, which takes the smallest other site, Bambari, with it).
        submit("site_environment", assessments("MINUSCA-BAMBARI", "03", 8, 3) + assessments("MINUSCA-BANGASSOU", "03", 9, 0)
                + assessments("MINUSCA-BATANGAFO", "03", 10, 5) + assessments("MINUSCA-ALINDAO", "03", 2, 1));
        try {
            Fixtures.approveAllAndPublish(api.app);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        // After the release: Bangui's May assessments approved but not released, Bouar's June ones submitted only.
        long bangui = submit("site_environment", assessments("MINUSCA-BANGUI", "05", 6, 6));
        api.app.workflow().run(new ChangeSubmissionStatus.Request(bangui, Step.APPROVE, Actor.operator("fixture-analyst"), null))
                .orElseThrow(failure -> new IllegalStateException(failure.message()));
        submit("site_environment", assessments("MINUSCA-BOUAR", "06", 7, 7));
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    @Test
    void missionsArePointsInLongitudeLatitudeOrderAndTheMissionsWithoutCoordinatesAreCounted() {
        HttpResponse<String> response = http.get("/api/v1/geo/missions", ApiClient.ANONYMOUS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode map = ApiClient.json(response);
        List<OrgUnit> missions = api.app.pack().orgUnits().missions();
        List<OrgUnit> placed = missions.stream().filter(m -> m.latitude() != null && m.longitude() != null).toList();
        assertThat(map.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(map.get("without_coordinates").asInt()).isEqualTo(missions.size() - placed.size()).isPositive();
        assertThat(map.get("indicator").isNull()).isTrue();
        List<String> ids = new ArrayList<>();
        map.get("features").forEach(feature -> ids.add(feature.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(placed.stream().map(OrgUnit::code).toList());
        JsonNode minusca = feature(map, "MINUSCA");
        OrgUnit pack = api.app.pack().orgUnits().mission("MINUSCA").orElseThrow();
        assertThat(minusca.at("/geometry/type").asText()).isEqualTo("Point");
        assertThat(List.of(minusca.at("/geometry/coordinates/0").asDouble(), minusca.at("/geometry/coordinates/1").asDouble()))
                .containsExactly(pack.longitude(), pack.latitude()); // 18.5833 E, 4.3667 N: Bangui
        assertThat(List.of(minusca.at("/properties/code").asText(), minusca.at("/properties/scope").asText(),
                minusca.at("/properties/start").asText())).containsExactly("MINUSCA", "PKO", "2014-04-10");
        assertThat(minusca.get("properties").has("value")).as("no indicator, no values").isFalse();
    }

    @Test
    void aMissionsValueIsTheOnePublishedAndASmallCellHasNoNumber() {
        JsonNode map = ApiClient.json(http.get("/api/v1/geo/missions?indicator=P4.FATALITIES_MALICIOUS", ApiClient.ANONYMOUS));
        assertThat(List.of(map.get("period").asText(), map.get("period_is_default").asBoolean())).containsExactly("2020", true);
        Map<String, JsonNode> published = published("P4.FATALITIES_MALICIOUS", "2020");
        int shown = 0;
        for (JsonNode feature : map.get("features")) {
            JsonNode properties = feature.get("properties");
            JsonNode value = published.get(feature.get("id").asText());
            assertThat(properties.get("period").asText()).isEqualTo("2020");
            if (value == null) {
                assertThat(List.of(properties.get("value").isNull(), properties.get("suppressed").asBoolean())).containsExactly(true, false);
            } else {
                assertThat(properties.get("value")).as(feature.get("id").asText()).isEqualTo(value.get("value"));
                assertThat(properties.get("suppressed")).isEqualTo(value.get("suppressed"));
                shown += properties.get("value").isNumber() ? 1 : 0;
            }
        }
        JsonNode minusca = feature(map, "MINUSCA").get("properties");
        assertThat(List.of(minusca.get("value").isNull(), minusca.get("records").isNull(), minusca.get("suppressed").asBoolean()))
                .containsExactly(true, true, true);
        assertThat(feature(map, "UNMISS").at("/properties/value").asDouble()).isEqualTo(9);
        assertThat(shown).isEqualTo(1); // UNMISS; MONUSCO goes with MINUSCA, else the scope's total gives MINUSCA back
    }

    @Test
    void sitesCarryTheirPublishedValuesAndNothingUnreleased() {
        JsonNode map = ApiClient.json(http.get("/api/v1/geo/sites?mission=MINUSCA&indicator=" + HIGH_RISK, ApiClient.ANONYMOUS));
        List<OrgUnit> sites = api.app.pack().orgUnits().sitesOf("MINUSCA");
        assertThat(map.get("features").size()).isEqualTo(sites.size());
        assertThat(List.of(map.get("period").asText(), map.get("without_coordinates").asInt())).containsExactly("2021", 0);
        JsonNode batangafo = feature(map, "MINUSCA-BATANGAFO");
        OrgUnit pack = api.app.pack().orgUnits().site("MINUSCA-BATANGAFO").orElseThrow();
        assertThat(List.of(batangafo.at("/geometry/coordinates/0").asDouble(), batangafo.at("/geometry/coordinates/1").asDouble()))
                .containsExactly(pack.longitude(), pack.latitude());
        assertThat(List.of(batangafo.at("/properties/mission").asText(), batangafo.at("/properties/value").asDouble(),
                batangafo.at("/properties/records").asLong())).containsExactly("MINUSCA", 50.0, 10L); // 5 of 10 high
        Map<String, JsonNode> published = published(HIGH_RISK, "2021");
        for (String site : List.of("MINUSCA-BAMBARI", "MINUSCA-BANGASSOU", "MINUSCA-BATANGAFO", "MINUSCA-ALINDAO")) {
            assertThat(feature(map, site).at("/properties/value")).as(site).isEqualTo(published.get(site).get("value"));
        }
        assertThat(feature(map, "MINUSCA-BANGASSOU").at("/properties/value").asDouble()).isEqualTo(0);
        for (String small : List.of("MINUSCA-ALINDAO", "MINUSCA-BAMBARI")) {
            JsonNode properties = feature(map, small).get("properties");
            assertThat(List.of(properties.get("value").isNull(), properties.get("records").isNull(), properties.get("suppressed").asBoolean()))
                    .as(small).containsExactly(true, true, true);
        }
        // Staff see Bangui (approved since the release) and Bouar (submitted); the map, like the public, sees neither.
        assertThat(ApiClient.json(http.get("/api/v1/values?indicator=" + HIGH_RISK + "&org_unit=MINUSCA-BANGUI&period=2021&totals=true",
                analyst)).get(0).get("value").asDouble()).isEqualTo(100);
        for (String unreleased : List.of("MINUSCA-BANGUI", "MINUSCA-BOUAR")) {
            JsonNode properties = feature(map, unreleased).get("properties");
            assertThat(List.of(properties.get("value").isNull(), properties.get("records").isNull(), properties.get("suppressed").asBoolean()))
                    .as(unreleased).containsExactly(true, true, false);
        }
        assertThat(http.get("/api/v1/geo/sites?mission=MINUSCA&indicator=" + HIGH_RISK, analyst).body())
                .as("an analyst's map is the public's").isEqualTo(http.get("/api/v1/geo/sites?mission=MINUSCA&indicator=" + HIGH_RISK,
                        ApiClient.ANONYMOUS).body());
    }

    @Test
    void aPeriodAskedSelectsItsValues() {
        JsonNode map = ApiClient.json(http.get("/api/v1/geo/sites?mission=MINUSCA&indicator=" + HIGH_RISK + "&period=2021-Q1",
                ApiClient.ANONYMOUS));
        assertThat(List.of(map.get("period").asText(), map.get("period_is_default").asBoolean())).containsExactly("2021-Q1", false);
        assertThat(feature(map, "MINUSCA-BATANGAFO").at("/properties/value").asDouble()).isEqualTo(50);
        JsonNode before = ApiClient.json(http.get("/api/v1/geo/sites?mission=MINUSCA&indicator=" + HIGH_RISK + "&period=2019",
                ApiClient.ANONYMOUS));
        assertThat(feature(before, "MINUSCA-BATANGAFO").at("/properties/value").isNull()).isTrue();
    }

    @Test
    void unknownParametersAreRefusedNamingTheParameter() {
        assertBadParameter("/api/v1/geo/missions?indicator=NOPE", "indicator", "NOPE");
        assertBadParameter("/api/v1/geo/missions?indicator=P4.FATALITIES_MALICIOUS&period=2020-13", "period", "2020-13");
        assertBadParameter("/api/v1/geo/missions?period=2020", "period", "2020");
        assertBadParameter("/api/v1/geo/sites?mission=ATLANTIS", "mission", "ATLANTIS");
        assertBadParameter("/api/v1/geo/sites?mission=MINUSCA-BANGUI", "mission", "MINUSCA-BANGUI");
        assertBadParameter("/api/v1/geo/sites", "mission", null);
        assertBadParameter("/api/v1/geo/sites?mission=MINUSCA&org_unit=MINUSCA", "org_unit", null);
    }

    private void assertBadParameter(String path, String parameter, String value) {
        HttpResponse<String> response = http.get(path, ApiClient.ANONYMOUS);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode error = ApiClient.json(response).get("errors").get(0);
        assertThat(error.get("parameter").asText()).as(path).isEqualTo(parameter);
        assertThat(error.has("value") ? error.get("value").asText() : null).as(path).isEqualTo(value);
        assertThat(error.get("expected").asText()).as(path).startsWith("expected ");
    }

    /** The public totals of /api/v1/values for the period, by org unit. */
    private Map<String, JsonNode> published(String indicator, String period) {
        Map<String, JsonNode> out = new HashMap<>();
        ApiClient.json(http.get("/api/v1/values?indicator=" + indicator + "&period=" + period + "&totals=true", ApiClient.ANONYMOUS))
                .forEach(value -> out.put(value.get("org_unit").asText(), value));
        return out;
    }

    private static JsonNode feature(JsonNode map, String id) {
        for (JsonNode feature : map.get("features")) {
            if (feature.get("id").asText().equals(id)) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + id);
    }

    private long submit(String type, String rows) {
        String header = type.equals("fatality") ? ReadingApiTest.HEADER : ASSESSMENTS;
        HttpResponse<String> imported = http.send("POST", "/api/v1/submissions?type=" + type, analyst,
                ApiClient.Body.file(type + ".csv", header + "\n" + rows));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        return ApiClient.json(imported).get("id").asLong();
    }

    private static String fatalities(String mission, String month, int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            rows.append(mission).append("-2020-").append(month).append("-0000").append(i).append(",2020-").append(month).append("-0")
                    .append(i).append(',').append(mission).append(",military,malicious_act,M,BGD,\n");
        }
        return rows.toString();
    }

    /** {@code count} assessments of the energy pillar on the 1st, 2nd, … of a month of 2021, the first {@code high} of them at high risk. */
    private static String assessments(String site, String month, int count, int high) {
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            rows.append(site).append(",MINUSCA,2021-").append(month).append('-').append(i < 10 ? "0" : "").append(i).append(",energy,")
                    .append(i <= high ? "high" : "low").append('\n');
        }
        return rows.toString();
    }
}
