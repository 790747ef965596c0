package org.a4p.api;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.access.Role;
import org.a4p.support.Fixtures;
import org.a4p.workflow.Actor;
import org.a4p.workflow.ChangeSubmissionStatus;
import org.a4p.workflow.Step;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /api/v1/values/explain} over real HTTP on H2 and PostgreSQL: staff get each
 * submission with the records that moved the value (a restricted field by name only); the public
 * get releases and no records.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainApiTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final String NAME = "Planted Casualty Name";
    static final String EXPLAIN = "/api/v1/values/explain?indicator=P4.FATALITIES_ALL&org_unit=MINUSCA&period=2020";

    @Parameter
    String url;

    ApiFixture api;
    ApiClient.Bearer analyst;
    long first;

    @BeforeParameterizedClassInvocation
    void load() throws Exception {
        api = new ApiFixture(url);
        api.addUser("hq", Role.ANALYST);
        analyst = api.token("hq");
        Path folder = Files.createTempDirectory("explain-api");
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            rows.append("\nF").append(i).append(",2020-0").append(i).append("-10,MINUSCA,military,malicious_act,M,BGD,Name ").append(i);
        }
        first = accepted(importFiles(api.app, "fatality", false, csv(folder, "first.csv", HEADER + rows))).submissions().get(0).id();
        Fixtures.approveAllAndPublish(api.app);
        api.app.workflow().run(new ChangeSubmissionStatus.Request(first, Step.REOPEN, Actor.operator("fixture-analyst"), "renamed"))
                .orElseThrow(f -> new IllegalStateException(f.message()));
        accepted(importFiles(api.app, "fatality", false, csv(folder, "second.csv", HEADER,
                "F1,2020-01-10,MINUSCA,military,accident,M,BGD," + NAME, "F7,2020-07-10,MINUSCA,police,illness,F,RWA,Name 7")));
        Fixtures.approveAllAndPublish(api.app);
    }

    @AfterParameterizedClassInvocation
    void close() {
        api.close();
    }

    @Test
    void staffSeeEachSubmissionAndTheRecordsThatMovedTheValue() {
        JsonNode explained = ApiClient.json(api.client.get(EXPLAIN, analyst));
        assertThat(explained.get("value").asDouble()).isEqualTo(7.0);
        JsonNode changes = explained.get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("submission").asLong()).isEqualTo(first);
        assertThat(changes.get(0).get("from").isNull()).isTrue();
        assertThat(changes.get(0).get("to").asDouble()).isEqualTo(6.0);
        assertThat(changes.get(1).get("to").asDouble()).isEqualTo(7.0);
        JsonNode records = changes.get(1).get("records");
        assertThat(records.findValuesAsText("change")).containsExactly("revised", "added");
        JsonNode fields = records.get(0).get("fields");
        assertThat(fields.findValuesAsText("field")).containsExactly("incident_type", "name");
        assertThat(fields.get(1).get("from").isNull() && fields.get(1).get("to").isNull()).as("a restricted field by name only").isTrue();
        assertThat(api.client.get(EXPLAIN, analyst).body()).doesNotContain(NAME);
    }

    @Test
    void thePublicSeesReleasesAndNoRecords() {
        JsonNode explained = ApiClient.json(api.client.get(EXPLAIN, ApiClient.ANONYMOUS));
        assertThat(explained.get("changes").findValuesAsText("release")).containsExactly("1", "2");
        explained.get("changes").forEach(change -> assertThat(change.get("records")).isEmpty());
        assertThat(explained.get("changes").get(1).get("to").asDouble()).isEqualTo(7.0);
    }

    @Test
    void anUnknownIndicatorIsABadRequest() {
        assertThat(api.client.get("/api/v1/values/explain?indicator=NOPE&period=2020", analyst).statusCode()).isEqualTo(400);
        assertThat(api.client.get("/api/v1/values/explain?indicator=P4.FATALITIES_ALL", analyst).statusCode()).isEqualTo(400);
    }
}
