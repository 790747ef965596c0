package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.a4p.access.Role;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportOutcome;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.support.Fixtures;
import org.a4p.workflow.Step;
import org.a4p.workflow.SubmissionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The approval workflow over real HTTP on H2 and PostgreSQL: every step from every status, as
 * {@link Step} allows it; who may take each step; reasons kept; an approval locking its
 * mission-months against imports until a reopening; values provisional until approved; releases
 * holding approved data only; drafts counting nowhere until submitted. Each test works in
 * mission-months of its own (from {@link #nextMonth}), so locks and values never cross tests.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowApiTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    static final String MALICIOUS = "P4.FATALITIES_MALICIOUS";
    /** The year the release test has to itself: no other test's months fall in it. */
    static final int RELEASE_YEAR = 2013;
    /** The statuses a submission moves through; rejected is an import refused, outside the workflow. */
    static final List<SubmissionStatus> WORKFLOW_STATUSES = List.of(SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED,
            SubmissionStatus.APPROVED, SubmissionStatus.RETURNED, SubmissionStatus.REOPENED);

    @Parameter
    String url;

    ApiFixture api;
    ApiClient http;
    /** Uploads the submissions; so it may not approve them. */
    ApiClient.Bearer submitter;
    /** Approves, returns and reopens them. */
    ApiClient.Bearer reviewer;
    ApiClient.Bearer officer;
    final AtomicInteger months = new AtomicInteger();
    final AtomicInteger casualties = new AtomicInteger();

    @BeforeParameterizedClassInvocation
    void start() {
        api = new ApiFixture(url);
        http = api.client;
        api.addUser("hq", Role.ANALYST);
        api.addUser("hq2", Role.ANALYST);
        api.addUser("bangui", Role.MISSION_OFFICER, "MINUSCA");
        api.addUser("root", Role.ADMIN);
        api.addUser("envoy", Role.DELEGATE);
        api.addUser("conduct", Role.CONDUCT_OFFICER);
        api.addUser("medic", Role.MEDICAL_OFFICER);
        submitter = api.token("hq");
        reviewer = api.token("hq2");
        officer = api.token("bangui");
    }

    @AfterParameterizedClassInvocation
    void stop() {
        api.close();
    }

    static Stream<Arguments> stepsAndStatuses() {
        return Arrays.stream(Step.values()).flatMap(step -> WORKFLOW_STATUSES.stream().map(status -> Arguments.of(step, status)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("stepsAndStatuses")
    void aStepIsTakenFromTheStatusesItLeavesAndRefusedWith409NamingTheStatusFromAnyOther(Step step, SubmissionStatus status) {
        long id = inStatus(status, "MINUSCA");
        HttpResponse<String> response = step(id, step, reviewer, step.needsReason() ? "the lead's check of every edge" : null);
        if (step.from().contains(status)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(ApiClient.json(response).get("status").asText()).isEqualTo(step.to().code());
            assertThat(status(id)).isEqualTo(step.to().code());
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(ApiClient.json(response).get("detail").asText()).startsWith("submission " + id + " is " + status.code())
                    .contains("only a " + step.from().stream().map(SubmissionStatus::code).reduce((a, b) -> a + " or " + b).orElseThrow()
                            + " submission can be " + step.to().code());
            assertThat(status(id)).as("unchanged").isEqualTo(status.code());
        }
    }

    @Test
    void approveReturnAndReopenAreForAnalystsOnlyEveryOtherRoleIsRefusedByTheGuardAndAnonymousMustSignIn() {
        long submitted = inStatus(SubmissionStatus.SUBMITTED, "MINUSCA");
        long approved = inStatus(SubmissionStatus.APPROVED, "MINUSCA");
        for (Step step : List.of(Step.APPROVE, Step.RETURN, Step.REOPEN)) {
            long id = step == Step.REOPEN ? approved : submitted;
            for (String user : List.of("root", "bangui", "conduct", "medic", "envoy")) {
                HttpResponse<String> response = step(id, step, api.token(user), "a reason");
                assertThat(response.statusCode()).as(user + " " + step.code() + ": " + response.body()).isEqualTo(403);
                assertThat(ApiClient.json(response).get("detail").asText()).startsWith("The role ")
                        .endsWith(" may not POST /api/v1/submissions/{id}/" + step.code() + ".");
            }
            assertThat(step(id, step, ApiClient.ANONYMOUS, "a reason").statusCode()).isEqualTo(401);
        }
        assertThat(List.of(status(submitted), status(approved))).containsExactly("submitted", "approved");
    }

    @Test
    void aDraftIsSubmittedByAMissionOfficerAnAnalystOrAnAdminAndNobodyElse() {
        for (String user : List.of("conduct", "medic", "envoy")) {
            long draft = draft("hq", "draft-" + user + ".csv", csv("MINUSCA", nextMonth(), 1));
            HttpResponse<String> response = step(draft, Step.SUBMIT, api.token(user), null);
            assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(403);
            assertThat(ApiClient.json(response).get("detail").asText()).startsWith("The role ").endsWith(" may not POST /api/v1/submissions/{id}/submit.");
            assertThat(step(draft, Step.SUBMIT, ApiClient.ANONYMOUS, null).statusCode()).isEqualTo(401);
            assertThat(status(draft)).isEqualTo("draft");
        }
        for (String user : List.of("bangui", "hq2", "root")) {
            long draft = draft("hq", "draft-" + user + ".csv", csv("MINUSCA", nextMonth(), 1));
            HttpResponse<String> response = step(draft, Step.SUBMIT, api.token(user), null);
            assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(200);
            assertThat(status(draft)).isEqualTo("submitted");
        }
    }

    @Test
    void aMissionOfficersOwnDraftHoldingAnotherMissionsRecordsIsForbiddenToIt() {
        YearMonth month = nextMonth();
        long draft = draft("bangui", "bangui-mixed.csv", csv("MINUSCA", month, 1) + csv("MONUSCO", month, 1));
        HttpResponse<String> response = step(draft, Step.SUBMIT, officer, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(ApiClient.json(response).get("detail").asText())
                .isEqualTo("submission " + draft + " holds records of missions not yours (MONUSCO)");
        assertThat(status(draft)).isEqualTo("draft");
    }

    @Test
    void anotherMissionsDraftDoesNotExistForAMissionOfficer() {
        YearMonth month = nextMonth();
        long monusco = draft("hq", "monusco.csv", csv("MONUSCO", month, 1));
        long mixed = draft("hq", "mixed.csv", csv("MINUSCA", month, 1) + csv("MONUSCO", nextMonth(), 1));
        for (long id : List.of(monusco, mixed)) {
            HttpResponse<String> response = step(id, Step.SUBMIT, officer, null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(ApiClient.json(response).get("detail").asText()).isEqualTo("there is no submission " + id);
            assertThat(status(id)).isEqualTo("draft");
        }
    }

    @Test
    void nobodyApprovesTheirOwnSubmission() {
        long id = inStatus(SubmissionStatus.SUBMITTED, "MINUSCA");
        HttpResponse<String> response = step(id, Step.APPROVE, submitter, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(ApiClient.json(response).get("detail").asText()).isEqualTo("nobody approves their own submission: submission " + id
                + " was submitted by hq; another analyst must approve it");
        assertThat(status(id)).isEqualTo("submitted");
        assertThat(step(id, Step.APPROVE, reviewer, null).statusCode()).isEqualTo(200);
    }

    @Test
    void returnAndReopenWithoutAReasonAre400AndChangeNothing() {
        long submitted = inStatus(SubmissionStatus.SUBMITTED, "MINUSCA");
        long approved = inStatus(SubmissionStatus.APPROVED, "MINUSCA");
        for (String body : List.of("{}", "{\"reason\":null}", "{\"reason\":\"\"}", "{\"reason\":\"  \\n \"}")) {
            for (Step step : List.of(Step.RETURN, Step.REOPEN)) {
                long id = step == Step.RETURN ? submitted : approved;
                HttpResponse<String> response = http.send("POST", "/api/v1/submissions/" + id + "/" + step.code(), reviewer,
                        ApiClient.Body.json(body));
                assertThat(response.statusCode()).as(step.code() + " " + body + ": " + response.body()).isEqualTo(400);
                assertThat(ApiClient.json(response).get("detail").asText())
                        .startsWith("a reason is required to " + step.code() + " a submission");
            }
        }
        assertThat(List.of(status(submitted), status(approved))).containsExactly("submitted", "approved");
    }

    @Test
    void theReasonOfAReturnAndOfAReopeningIsKeptAndShownWithTheSubmission() {
        long returned = inStatus(SubmissionStatus.SUBMITTED, "MINUSCA");
        String why = "row 2: the date is the report's, not the incident's";
        assertThat(step(returned, Step.RETURN, reviewer, why).statusCode()).isEqualTo(200);
        JsonNode decision = submission(returned).get("decision");
        assertThat(List.of(decision.get("by").asText(), decision.get("reason").asText())).containsExactly("hq2", why);
        assertThat(decision.get("at").isNull()).isFalse();

        long reopened = inStatus(SubmissionStatus.APPROVED, "MINUSCA");
        assertThat(step(reopened, Step.REOPEN, reviewer, "  the mission sent a late correction  ").statusCode()).isEqualTo(200);
        JsonNode reopening = submission(reopened);
        assertThat(List.of(reopening.get("status").asText(), reopening.get("decision").get("by").asText(),
                reopening.get("decision").get("reason").asText())).containsExactly("reopened", "hq2", "the mission sent a late correction");
    }

    @Test
    void anApprovalLocksItsMissionMonthsAgainstChangeUntilReopenedAndARenewedApprovalLocksThemAgain() throws Exception {
        YearMonth month = nextMonth();
        String first = casualty("MINUSCA", month);
        String second = casualty("MINUSCA", month);
        String file = HEADER + "\n" + row(first, month, 1, "MINUSCA", "malicious_act") + row(second, month, 2, "MINUSCA", "accident");
        long approved = id(upload(submitter, "bangui-" + month + ".csv", file));
        assertThat(step(approved, Step.APPROVE, reviewer, null).statusCode()).isEqualTo(200);

        String revised = HEADER + "\n" + row(first, month, 1, "MINUSCA", "illness") + row(second, month, 2, "MINUSCA", "accident");
        HttpResponse<String> refused = upload(submitter, "bangui-" + month + "-revised.csv", revised);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = ApiClient.json(refused);
        assertThat(problem.get("type").asText()).isEqualTo("urn:a4p:problem:invalid-rows");
        assertThat(problem.get("detail").asText()).isEqualTo("bangui-" + month + "-revised.csv: 1 error; nothing was written.");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("expected").asText())
                .startsWith("no change to MINUSCA " + month + ": its fatality records are locked by submission " + approved + ", approved by hq2")
                .endsWith("an analyst must reopen submission " + approved + " with a reason before its months can change");
        assertThat(incidentType(first)).as("nothing written").isEqualTo("malicious_act");

        String added = HEADER + "\n" + row(casualty("MINUSCA", month), month, 3, "MINUSCA", "accident");
        assertThat(upload(submitter, "bangui-" + month + "-late.csv", added).statusCode()).as("a new record in a locked month").isEqualTo(422);

        HttpResponse<String> again = upload(submitter, "bangui-" + month + ".csv", file);
        assertThat(again.statusCode()).as("the same file changes nothing: " + again.body()).isEqualTo(201);
        assertThat(List.of(ApiClient.json(again).get("added").asInt(), ApiClient.json(again).get("revised").asInt(),
                ApiClient.json(again).get("unchanged").asInt())).containsExactly(0, 0, 2);

        assertThat(step(approved, Step.REOPEN, reviewer, "the mission corrects a cause of death").statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = upload(submitter, "bangui-" + month + "-revised.csv", revised);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(ApiClient.json(accepted).get("revised").asInt()).isEqualTo(1);
        assertThat(incidentType(first)).isEqualTo("illness");

        assertThat(step(approved, Step.APPROVE, reviewer, null).statusCode()).isEqualTo(200);
        String revisedAgain = HEADER + "\n" + row(first, month, 1, "MINUSCA", "accident");
        HttpResponse<String> relocked = upload(submitter, "bangui-" + month + "-third.csv", revisedAgain);
        assertThat(relocked.statusCode()).as(relocked.body()).isEqualTo(422);
        assertThat(ApiClient.json(relocked).get("errors").get(0).get("expected").asText())
                .startsWith("no change to MINUSCA " + month + ": its fatality records are locked by submission " + approved);
        assertThat(incidentType(first)).isEqualTo("illness");
    }

    @Test
    void aLockHoldsItsOwnMissionMonthsOnlyNotTheMissionsOtherMonthsOrOtherMissions() {
        YearMonth month = nextMonth();
        long approved = id(upload(submitter, "locked.csv", HEADER + "\n" + csv("MINUSCA", month, 1)));
        assertThat(step(approved, Step.APPROVE, reviewer, null).statusCode()).isEqualTo(200);
        assertThat(upload(submitter, "next-month.csv", HEADER + "\n" + csv("MINUSCA", nextMonth(), 1)).statusCode()).isEqualTo(201);
        assertThat(upload(submitter, "other-mission.csv", HEADER + "\n" + csv("MONUSCO", month, 1)).statusCode()).isEqualTo(201);
        assertThat(upload(submitter, "same-month.csv", HEADER + "\n" + csv("MINUSCA", month, 1)).statusCode()).isEqualTo(422);
    }

    @Test
    void staffValuesAreProvisionalUntilApprovedAndStayProvisionalWhenReturned() {
        YearMonth approvedMonth = nextMonth();
        long approved = id(upload(submitter, "approve-me.csv", HEADER + "\n" + csv("MINUSCA", approvedMonth, 2)));
        assertThat(staffTotal("MINUSCA", approvedMonth.toString())).hasValueSatisfying(value ->
                assertThat(List.of(value.get("value").asInt(), value.get("provisional").asBoolean())).containsExactly(2, true));
        assertThat(step(approved, Step.APPROVE, reviewer, null).statusCode()).isEqualTo(200);
        assertThat(staffTotal("MINUSCA", approvedMonth.toString())).hasValueSatisfying(value ->
                assertThat(List.of(value.get("value").asInt(), value.get("provisional").asBoolean())).containsExactly(2, false));

        YearMonth returnedMonth = nextMonth();
        long returned = id(upload(submitter, "return-me.csv", HEADER + "\n" + csv("MINUSCA", returnedMonth, 3)));
        assertThat(step(returned, Step.RETURN, reviewer, "three deaths are one incident counted thrice").statusCode()).isEqualTo(200);
        assertThat(staffTotal("MINUSCA", returnedMonth.toString())).hasValueSatisfying(value ->
                assertThat(List.of(value.get("value").asInt(), value.get("provisional").asBoolean())).containsExactly(3, true));
    }

    @Test
    void aReleaseHoldsApprovedRecordsOnlyNeverAReturnedSubmissions() {
        YearMonth approvedMonth = YearMonth.of(RELEASE_YEAR, 3);
        YearMonth returnedMonth = YearMonth.of(RELEASE_YEAR, 8);
        long approved = id(upload(submitter, "monusco-approved.csv", HEADER + "\n" + csv("MONUSCO", approvedMonth, 6)));
        long returned = id(upload(submitter, "monusco-returned.csv", HEADER + "\n" + csv("MONUSCO", returnedMonth, 5)));
        assertThat(step(approved, Step.APPROVE, reviewer, null).statusCode()).isEqualTo(200);
        assertThat(step(returned, Step.RETURN, reviewer, "five deaths of another mission").statusCode()).isEqualTo(200);
        assertThat(staffTotal("MONUSCO", String.valueOf(RELEASE_YEAR))).hasValueSatisfying(value ->
                assertThat(value.get("value").asInt()).as("staff see every submitted record").isEqualTo(11));

        HttpResponse<String> published = http.send("POST", "/api/v1/releases", reviewer, null);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        int number = ApiClient.json(published).get("number").asInt();

        JsonNode year = publicTotal("MONUSCO", String.valueOf(RELEASE_YEAR)).orElseThrow();
        assertThat(List.of(year.get("value").asInt(), year.get("records").asInt(), year.get("suppressed").asBoolean()))
                .as(year.toString()).containsExactly(6, 6, false);
        assertThat(year.get("last_revised").asInt()).isLessThanOrEqualTo(number);
        assertThat(publicTotal("MONUSCO", approvedMonth.toString()).orElseThrow().get("value").asInt()).isEqualTo(6);
        assertThat(publicTotal("MONUSCO", returnedMonth.toString())).as("the returned submission's month is not in the release").isEmpty();
    }

    @Test
    void aDraftsRecordsCountNowhereUntilItIsSubmitted() throws Exception {
        YearMonth month = nextMonth();
        String content = HEADER + "\n" + csv("MINUSCA", month, 2);
        long draft = draft("hq", "bangui-draft.csv", content);
        assertThat(status(draft)).isEqualTo("draft");
        assertThat(Fixtures.count(api.app, "SELECT COUNT(*) FROM rec_fatality WHERE submission_id = " + draft)).isZero();
        assertThat(staffTotal("MINUSCA", month.toString()).map(value -> value.get("value").asInt()).orElse(0)).isZero();

        HttpResponse<String> submitted = step(draft, Step.SUBMIT, officer, null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        assertThat(List.of(ApiClient.json(submitted).get("status").asText(), ApiClient.json(submitted).get("added").asInt()))
                .containsExactly("submitted", 2);
        assertThat(Fixtures.count(api.app, "SELECT COUNT(*) FROM rec_fatality WHERE submission_id = " + draft)).isEqualTo(2);
        assertThat(staffTotal("MINUSCA", month.toString())).hasValueSatisfying(value ->
                assertThat(List.of(value.get("value").asInt(), value.get("provisional").asBoolean())).containsExactly(2, true));
    }

    // Submissions in each status, each in a mission-month of its own.

    long inStatus(SubmissionStatus status, String mission) {
        YearMonth month = nextMonth();
        if (status == SubmissionStatus.DRAFT) {
            return draft("hq", "draft-" + month + ".csv", HEADER + "\n" + csv(mission, month, 1));
        }
        long id = id(upload(submitter, mission.toLowerCase() + "-" + month + ".csv", HEADER + "\n" + csv(mission, month, 1)));
        switch (status) {
            case SUBMITTED -> { }
            case APPROVED -> take(id, Step.APPROVE, null);
            case RETURNED -> take(id, Step.RETURN, "returned to be set up");
            case REOPENED -> {
                take(id, Step.APPROVE, null);
                take(id, Step.REOPEN, "reopened to be set up");
            }
            default -> throw new IllegalArgumentException("not a workflow status: " + status);
        }
        assertThat(status(id)).isEqualTo(status.code());
        return id;
    }

    long draft(String by, String fileName, String content) {
        String body = content.startsWith(HEADER) ? content : HEADER + "\n" + content;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ImportOutcome outcome = api.app.importer().run(new ImportRequest("fatality", null,
                List.of(new ImportFile(fileName, () -> new ByteArrayInputStream(bytes))), false, false, by, false, true, null), Progress.NONE);
        return Fixtures.accepted(outcome).submissions().get(0).id();
    }

    void take(long id, Step step, String reason) {
        HttpResponse<String> response = step(id, step, reviewer, reason);
        assertThat(response.statusCode()).as(step.code() + " " + id + ": " + response.body()).isEqualTo(200);
    }

    HttpResponse<String> step(long id, Step step, ApiClient.Credentials credentials, String reason) {
        ApiClient.Body body = step.needsReason() ? ApiClient.Body.json(reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}") : null;
        return http.send("POST", "/api/v1/submissions/" + id + "/" + step.code(), credentials, body);
    }

    HttpResponse<String> upload(ApiClient.Credentials credentials, String fileName, String content) {
        return http.send("POST", "/api/v1/submissions?type=fatality", credentials, ApiClient.Body.file(fileName, content));
    }

    static long id(HttpResponse<String> upload) {
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return ApiClient.json(upload).get("id").asLong();
    }

    JsonNode submission(long id) {
        HttpResponse<String> response = http.get("/api/v1/submissions/" + id, submitter);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.json(response).get("submission");
    }

    String status(long id) {
        return submission(id).get("status").asText();
    }

    String incidentType(String casualtyId) throws Exception {
        try (var connection = api.app.database().dataSource().getConnection();
                var statement = connection.prepareStatement("SELECT incident_type FROM rec_fatality WHERE casualty_id = ?")) {
            statement.setString(1, casualtyId);
            try (var rs = statement.executeQuery()) {
                assertThat(rs.next()).as(casualtyId).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The total of malicious-act deaths a staff member sees, if there is one. */
    Optional<JsonNode> staffTotal(String orgUnit, String period) {
        return total(reviewer, orgUnit, period);
    }

    Optional<JsonNode> publicTotal(String orgUnit, String period) {
        return total(ApiClient.ANONYMOUS, orgUnit, period);
    }

    Optional<JsonNode> total(ApiClient.Credentials credentials, String orgUnit, String period) {
        HttpResponse<String> response = http.get("/api/v1/values?indicator=" + MALICIOUS + "&org_unit=" + orgUnit + "&period=" + period
                + "&totals=true", credentials);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> totals = new ArrayList<>();
        ApiClient.json(response).forEach(value -> {
            if (value.get("disaggregation").asText().isEmpty()) {
                totals.add(value);
            }
        });
        assertThat(totals).as(response.body()).hasSizeLessThanOrEqualTo(1);
        return totals.stream().findFirst();
    }

    /** A month no other test uses: from January 2016 on, one a call. */
    YearMonth nextMonth() {
        return YearMonth.of(2016, 1).plusMonths(months.getAndIncrement());
    }

    String casualty(String mission, YearMonth month) {
        return String.format("%s-%s-%05d", mission, month, casualties.incrementAndGet());
    }

    /** Rows of {@code records} malicious-act deaths in the mission-month, with casualty ids never used before. */
    String csv(String mission, YearMonth month, int records) {
        StringBuilder rows = new StringBuilder();
        for (int day = 1; day <= records; day++) {
            rows.append(row(casualty(mission, month), month, day, mission, "malicious_act"));
        }
        return rows.toString();
    }

    static String row(String casualtyId, YearMonth month, int day, String mission, String incidentType) {
        return casualtyId + "," + month.atDay(day) + "," + mission + ",military," + incidentType + ",M,BGD,\n";
    }
}
