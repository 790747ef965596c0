package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
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
import org.slf4j.LoggerFactory;

/**
 * Submissions and records over real HTTP on H2 and PostgreSQL: an upload that passes is a 201
 * naming its submission, one that fails a 422 listing every row error; a mission officer submits,
 * sees and reads its own missions only.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionsApiTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    @Parameter
    String url;

    ApiFixture api;
    ApiClient http;
    ApiClient.Bearer analyst;
    ApiClient.Bearer officer;
    ApiClient.Session officerSession;
    long monuscoSubmission;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiFixture(url);
        http = api.client;
        api.addUser("hq", Role.ANALYST);
        api.addUser("bangui", Role.MISSION_OFFICER, "MINUSCA");
        analyst = api.token("hq");
        officer = api.token("bangui");
        officerSession = api.signIn("bangui");
        HttpResponse<String> monusco = upload(analyst, "monusco.csv", HEADER,
                "MONUSCO-2020-03-00001,2020-03-02,MONUSCO,military,malicious_act,M,IND,Person M1",
                "MONUSCO-2020-03-00002,2020-03-09,MONUSCO,police,accident,F,SEN,Person M2");
        assertThat(monusco.statusCode()).as(monusco.body()).isEqualTo(201);
        monuscoSubmission = ApiClient.json(monusco).get("id").asLong();
        log.start();
        ((Logger) LoggerFactory.getLogger("org.a4p.access.SecurityEvents")).addAppender(log);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        ((Logger) LoggerFactory.getLogger("org.a4p.access.SecurityEvents")).detachAppender(log);
        api.close();
    }

    HttpResponse<String> upload(ApiClient.Credentials credentials, String fileName, String... lines) {
        return http.send("POST", "/api/v1/submissions?type=fatality", credentials, ApiClient.Body.file(fileName, String.join("\n", lines) + "\n"));
    }

    long count(String sql) throws Exception {
        return Fixtures.count(api.app, sql);
    }

    @Test
    void aGoodCsvIs201WithTheSubmissionsIdAndItsAddress() throws Exception {
        HttpResponse<String> response = upload(analyst, "good.csv", HEADER,
                "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD,Person A",
                "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,Person B");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode submission = ApiClient.json(response);
        long id = submission.get("id").asLong();
        assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/submissions/" + id);
        assertThat(List.of(submission.get("file_name").asText(), submission.get("status").asText(), submission.get("submitted_by").asText(),
                submission.get("added").asInt())).containsExactly("good.csv", "submitted", "hq", 2);
        assertThat(count("SELECT COUNT(*) FROM rec_fatality WHERE submission_id = " + id)).isEqualTo(2);
        HttpResponse<String> detail = http.get("/api/v1/submissions/" + id, analyst);
        assertThat(ApiClient.json(detail).get("submission")).isEqualTo(submission);
        assertThat(ApiClient.json(detail).get("changes").size()).isZero();
    }

    @Test
    void aJsonArrayOfRecordsAsTheBodyIsASubmissionToo() throws Exception {
        HttpResponse<String> response = http.send("POST", "/api/v1/submissions?type=fatality", analyst, ApiClient.Body.json(
                "[{\"casualty_id\":\"MINUSCA-2021-05-00009\",\"incident_date\":\"2021-05-03\",\"mission\":\"MINUSCA\","
                        + "\"personnel_type\":\"military\",\"incident_type\":\"illness\",\"gender\":\"M\",\"nationality\":\"PAK\"}]"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = ApiClient.json(response).get("id").asLong();
        assertThat(ApiClient.json(response).get("file_name").asText()).isEqualTo("request.json");
        assertThat(count("SELECT COUNT(*) FROM rec_fatality WHERE submission_id = " + id)).isEqualTo(1);
    }

    @Test
    void aBadCsvIs422WithEveryRowErrorNamingFileRowAndColumnAndWritesNothing() throws Exception {
        long before = count("SELECT COUNT(*) FROM rec_fatality");
        HttpResponse<String> response = upload(analyst, "bad.csv", HEADER,
                "MINUSCA-2020-01-00101,2020-01-15,MINUSCA,military,malicious_act,M,BGD,",
                "MINUSCA-2020-01-00102,31/02/2020,MINUSCA,military,malicious_act,M,BGD,",
                "MINUSCA-2020-01-00103,2020-01-15,MINUSCA,soldier,malicious_act,M,BGD,");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.get("type").asText()).isEqualTo("urn:a4p:problem:invalid-rows");
        assertThat(problem.get("detail").asText()).isEqualTo("bad.csv: 2 errors; nothing was written.");
        assertThat(problem.get("errors").toString()).isEqualTo("["
                + "{\"file\":\"bad.csv\",\"row\":3,\"column\":\"incident_date\",\"value\":\"31/02/2020\",\"expected\":\"expected a date like 2020-03-31\"},"
                + "{\"file\":\"bad.csv\",\"row\":4,\"column\":\"personnel_type\",\"value\":\"soldier\",\"expected\":" + expectedPersonnelType() + "}]");
        assertThat(count("SELECT COUNT(*) FROM rec_fatality")).isEqualTo(before);
    }

    /** The validator's own words for a code outside the list, whatever they are: the API passes them on. */
    private String expectedPersonnelType() throws Exception {
        HttpResponse<String> response = upload(analyst, "probe.csv", HEADER, "MINUSCA-2020-01-00199,2020-01-15,MINUSCA,soldier,malicious_act,M,BGD,");
        return ApiClient.json(response).get("errors").get(0).get("expected").toString();
    }

    @Test
    void aMissionOfficerSubmitsItsOwnMissionsRecords() throws Exception {
        HttpResponse<String> response = upload(officerSession, "bangui-april.csv", HEADER,
                "MINUSCA-2020-04-00001,2020-04-15,MINUSCA,military,malicious_act,M,BGD,Person C");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = ApiClient.json(response).get("id").asLong();
        assertThat(ApiClient.json(http.get("/api/v1/submissions/" + id, officer)).get("submission").get("submitted_by").asText()).isEqualTo("bangui");
    }

    @Test
    void aRowOfAnotherMissionIsARowErrorAndNothingOfTheFileIsWritten() throws Exception {
        long records = count("SELECT COUNT(*) FROM rec_fatality");
        long submissions = count("SELECT COUNT(*) FROM submission");
        HttpResponse<String> response = upload(officer, "mixed.csv", HEADER,
                "MINUSCA-2020-05-00001,2020-05-15,MINUSCA,military,malicious_act,M,BGD,",
                "MONUSCO-2020-05-00002,2020-05-16, MONUSCO ,military,malicious_act,M,BGD,");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = ApiClient.json(response);
        assertThat(problem.get("detail").asText()).isEqualTo("mixed.csv: 1 error (rows of missions not yours); nothing was written.");
        assertThat(problem.get("errors").toString()).isEqualTo("[{\"file\":\"mixed.csv\",\"row\":3,\"column\":\"mission\",\"value\":\"MONUSCO\","
                + "\"expected\":\"expected one of your missions (MINUSCA)\"}]");
        assertThat(count("SELECT COUNT(*) FROM rec_fatality")).isEqualTo(records);
        assertThat(count("SELECT COUNT(*) FROM submission")).isEqualTo(submissions);
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .isEqualTo("event=denied user=bangui action=submit:fatality reason=mission_scope"));
    }

    @Test
    void aBodyThatIsNeitherAFileNorJsonIsRefusedAsSuch() {
        HttpResponse<String> garbled = http.send("POST", "/api/v1/submissions?type=fatality", analyst,
                new ApiClient.Body("multipart/form-data; boundary=xx", "garbage".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(garbled).get("type").asText()).isEqualTo("urn:a4p:problem:bad-body");
        HttpResponse<String> text = http.send("POST", "/api/v1/submissions?type=fatality", analyst,
                new ApiClient.Body("text/csv", "casualty_id\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(http.send("POST", "/api/v1/submissions", analyst, ApiClient.Body.json("[]")).statusCode()).as("no type").isEqualTo(400);
    }

    @Test
    void aMissionOfficerSubmitsInTheTypesOwnLayoutOnly() {
        HttpResponse<String> response = http.send("POST", "/api/v1/submissions?type=fatality&layout=un_fatalities", officer,
                ApiClient.Body.file("un.csv", "casualty_id\n"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").asText()).startsWith("a mission officer submits in the record type's own layout");
    }

    @Test
    void anotherMissionsSubmissionIsNotFoundForAMissionOfficerByIdOrInTheList() {
        HttpResponse<String> byId = http.get("/api/v1/submissions/" + monuscoSubmission, officer);
        assertThat(byId.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(byId).get("detail").asText()).isEqualTo("there is no submission " + monuscoSubmission);
        assertThat(ApiClient.json(http.get("/api/v1/submissions/999999", officer)).get("detail").asText())
                .as("the same answer as for a submission that does not exist").isEqualTo("there is no submission 999999");
        assertThat(ids(http.get("/api/v1/submissions", officer))).doesNotContain(monuscoSubmission);
        assertThat(ids(http.get("/api/v1/submissions", analyst))).contains(monuscoSubmission);
        assertThat(http.get("/api/v1/submissions/" + monuscoSubmission, analyst).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissionOfficerSeesSubmissionsWhoseRecordsAreAllOfItsMissions() {
        HttpResponse<String> minusca = upload(analyst, "hq-minusca.csv", HEADER,
                "MINUSCA-2020-06-00001,2020-06-15,MINUSCA,military,accident,M,BGD,");
        long id = ApiClient.json(minusca).get("id").asLong();
        assertThat(ids(http.get("/api/v1/submissions", officer))).contains(id).doesNotContain(monuscoSubmission);
        assertThat(http.get("/api/v1/submissions/" + id, officer).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherMissionsRecordsAreForbiddenToAMissionOfficerAndItsOwnComeWithoutRestrictedFields() {
        assertThat(upload(analyst, "named.csv", HEADER, "MINUSCA-2020-07-00001,2020-07-15,MINUSCA,military,accident,M,BGD,Person N")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> other = http.get("/api/v1/records/fatality?mission=MONUSCO", officer);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(other).get("detail").asText()).isEqualTo("Mission 'MONUSCO' is not yours: you work on MINUSCA.");
        assertThat(log.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .isEqualTo("event=denied user=bangui action=GET:/api/v1/records/{type} reason=mission_scope"));
        HttpResponse<String> own = http.get("/api/v1/records/fatality", officer);
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode page = ApiClient.json(own);
        assertThat(page.get("fields").toString()).doesNotContain("\"name\"");
        List<String> missions = new ArrayList<>();
        page.get("records").forEach(record -> missions.add(record.get("mission").asText()));
        assertThat(missions).isNotEmpty().containsOnly("MINUSCA");
        assertThat(own.body()).doesNotContain("Person N", "Person M1");
        JsonNode monusco = ApiClient.json(http.get("/api/v1/records/fatality?mission=MONUSCO", analyst));
        assertThat(monusco.get("records").size()).isEqualTo(2);
    }

    private static List<Long> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        ApiClient.json(response).forEach(submission -> ids.add(submission.get("id").asLong()));
        return ids;
    }
}
