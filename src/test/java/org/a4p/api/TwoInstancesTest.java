package org.a4p.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.a4p.access.Role;
import org.a4p.app.Outcome;
import org.a4p.audit.VerifyAudit;
import org.a4p.ingest.ImportFile;
import org.a4p.ingest.ImportRequest;
import org.a4p.ingest.Progress;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two app instances, each with its own server and connection pool, on one fresh PostgreSQL
 * database, as production runs them behind a load balancer, racing on the workflow: the same
 * submission approved from both at once is approved once; imports of different missions through
 * both are all kept; publications from both are numbered consecutively with none twice; and after
 * every race the audit chain verifies, its seq gapless. On H2 (a database one process opens) the
 * class is skipped.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";
    /** Missions that run today; each racing import is of one of them. */
    static final List<String> MISSIONS = List.of("MINURSO", "MINUSCA", "MONUSCO", "UNDOF", "UNFICYP", "UNIFIL", "UNISFA", "UNMIK",
            "UNMISS", "UNMOGIP", "UNTSO");
    /** Requests racing per instance. */
    static final int PER_INSTANCE = 8;

    @Parameter
    String url;

    ApiFixture first;
    ApiFixture second;
    ApiClient.Bearer submitter;
    List<ApiClient.Bearer> reviewers;
    ExecutorService pool;

    @BeforeParameterizedClassInvocation
    void start() {
        assumeTrue(url.startsWith("jdbc:postgresql:"), "two app instances share a PostgreSQL database; H2 here is one process's");
        first = new ApiFixture(url);
        // The second instance migrates (nothing left to do) and ensures the record tables (all there): nothing of the first's is undone.
        second = new ApiFixture(url);
        first.addUser("hq", Role.ANALYST);
        first.addUser("hq2", Role.ANALYST);
        first.addUser("hq3", Role.ANALYST);
        submitter = first.token("hq");
        reviewers = List.of(first.token("hq2"), second.token("hq3"));
        pool = Executors.newFixedThreadPool(2 * PER_INSTANCE);
    }

    @AfterParameterizedClassInvocation
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @AfterEach
    void theAuditChainIsIntactAndGapless() throws Exception {
        Outcome<VerifyAudit.Report> verified = new VerifyAudit(second.app.database().dataSource()).run(new VerifyAudit.Request(null));
        VerifyAudit.Report report = ((Outcome.Ok<VerifyAudit.Report>) verified).value();
        assertThat(report.broken()).as("the chain's first break").isEmpty();
        assertThat(List.of(count("SELECT MIN(seq) FROM audit_entry"), count("SELECT MAX(seq) FROM audit_entry"),
                count("SELECT COUNT(DISTINCT prev_hash) FROM audit_entry"), report.head().seq()))
                .as("seq from 1, gapless, no entry's predecessor shared, the head at the last")
                .containsExactly(1L, report.entries(), report.entries(), report.entries());
    }

    @Test
    void theSameSubmissionApprovedFromBothInstancesAtOnceIsApprovedOnce() throws Exception {
        long id = id(upload(first, submitter, "minusca-2021-01.csv", csv("MINUSCA", "2021-01", 2)));
        List<HttpResponse<String>> responses = race(i -> post(instance(i), "/api/v1/submissions/" + id + "/approve", reviewers.get(i % 2)));

        List<HttpResponse<String>> approved = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertThat(responses).extracting(HttpResponse::statusCode).as(bodies(responses)).containsOnly(200, 409);
        assertThat(approved).as(bodies(responses)).hasSize(1);
        String approver = ApiClient.json(approved.get(0)).get("decision").get("by").asText();
        for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() == 409).toList()) {
            assertThat(ApiClient.json(refused).get("detail").asText()).startsWith("submission " + id + " is approved (by " + approver + " at ");
        }
        JsonNode submission = ApiClient.json(second.client.get("/api/v1/submissions/" + id, submitter)).get("submission");
        assertThat(List.of(submission.get("status").asText(), submission.get("decision").get("by").asText())).containsExactly("approved", approver);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'submission.approve' AND target = 'submission:" + id + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM period_lock WHERE submission_id = " + id)).as("MINUSCA 2021-01 locked once").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM pub_fatality WHERE submission_id = " + id)).isEqualTo(2);
    }

    @Test
    void theSameDraftSubmittedFromBothInstancesAtOnceIsSubmittedOnce() throws Exception {
        byte[] bytes = (HEADER + "\n" + csv("UNMISS", "2021-03", 2)).getBytes(StandardCharsets.UTF_8);
        long draft = Fixtures.accepted(first.app.importer().run(new ImportRequest("fatality", null,
                List.of(new ImportFile("unmiss-2021-03.csv", () -> new ByteArrayInputStream(bytes))), false, false, "hq", false, true, null),
                Progress.NONE)).submissions().get(0).id();
        List<HttpResponse<String>> responses = race(i -> post(instance(i), "/api/v1/submissions/" + draft + "/submit", reviewers.get(i % 2)));

        assertThat(responses).extracting(HttpResponse::statusCode).as(bodies(responses)).containsOnly(200, 409);
        assertThat(responses.stream().filter(r -> r.statusCode() == 200)).as(bodies(responses)).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM rec_fatality WHERE submission_id = " + draft)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'submission.submit' AND target = 'submission:" + draft + "'"))
                .as(auditActions()).isEqualTo(1);
    }

    @Test
    void importsOfDifferentMissionsThroughBothInstancesAtOnceAreAllKept() throws Exception {
        long before = count("SELECT COUNT(*) FROM rec_fatality");
        List<HttpResponse<String>> responses = race(i -> upload(instance(i), submitter, "import-" + i + ".csv",
                csv(MISSIONS.get(i % MISSIONS.size()), "2022-0" + (1 + i / MISSIONS.size()), 3)));

        assertThat(responses).extracting(HttpResponse::statusCode).as(bodies(responses)).containsOnly(201);
        assertThat(responses).extracting(r -> ApiClient.json(r).get("added").asInt()).containsOnly(3);
        assertThat(responses.stream().map(r -> ApiClient.json(r).get("id").asLong()).distinct()).hasSize(2 * PER_INSTANCE);
        assertThat(count("SELECT COUNT(*) FROM rec_fatality")).isEqualTo(before + 3L * 2 * PER_INSTANCE);
        assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'records.import'")).as(auditActions())
                .isGreaterThanOrEqualTo(2 * PER_INSTANCE);
        // Every import's refresh saw the others': each mission's 2022 total is all its files' deaths.
        Map<String, Integer> expected = new TreeMap<>();
        IntStream.range(0, 2 * PER_INSTANCE).forEach(i -> expected.merge(MISSIONS.get(i % MISSIONS.size()), 3, Integer::sum));
        Map<String, Integer> staff = new TreeMap<>();
        for (String mission : expected.keySet()) {
            staff.put(mission, total(first, submitter, mission, "2022").get("value").asInt());
        }
        assertThat(staff).isEqualTo(expected);
    }

    @Test
    void importsIntoALockedMonthThroughBothInstancesAtOnceAreAllRefusedNamingTheLock() throws Exception {
        long approved = id(upload(first, submitter, "unmik-2021-05.csv", csv("UNMIK", "2021-05", 1)));
        assertThat(post(second, "/api/v1/submissions/" + approved + "/approve", reviewers.get(0)).statusCode()).isEqualTo(200);
        long records = count("SELECT COUNT(*) FROM rec_fatality");
        List<HttpResponse<String>> responses = race(i -> upload(instance(i), submitter, "unmik-late-" + i + ".csv",
                String.format("UNMIK-2021-05-%05d,2021-05-20,UNMIK,military,malicious_act,M,BGD,%n", 100 + i)));

        assertThat(responses).extracting(HttpResponse::statusCode).as(bodies(responses)).containsOnly(422);
        assertThat(responses).extracting(r -> ApiClient.json(r).get("errors").get(0).get("expected").asText())
                .allSatisfy(message -> assertThat(message).startsWith("no change to UNMIK 2021-05: its fatality records are locked by submission "
                        + approved + ", approved by hq2"));
        assertThat(count("SELECT COUNT(*) FROM rec_fatality")).isEqualTo(records);
    }

    @Test
    void publicationsFromBothInstancesAtOnceAreNumberedConsecutivelyNoneTwice() throws Exception {
        for (int round = 1; round <= 3; round++) {
            int last = lastRelease();
            long id = id(upload(first, submitter, "unifil-2023-0" + round + ".csv", csv("UNIFIL", "2023-0" + round, 5)));
            assertThat(post(second, "/api/v1/submissions/" + id + "/approve", reviewers.get(0)).statusCode()).isEqualTo(200);
            List<HttpResponse<String>> responses = race(i -> post(instance(i), "/api/v1/releases", reviewers.get(i % 2)));

            List<HttpResponse<String>> published = responses.stream().filter(r -> r.statusCode() == 201).toList();
            assertThat(responses).extracting(HttpResponse::statusCode).as(bodies(responses)).containsOnly(201, 409);
            assertThat(published).as("the first publishes, the rest find nothing changed: " + bodies(responses)).hasSize(1);
            assertThat(ApiClient.json(published.get(0)).get("number").asInt()).isEqualTo(last + 1);
            for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() == 409).toList()) {
                assertThat(ApiClient.json(refused).get("detail").asText()).startsWith("nothing changed since release " + (last + 1) + " of ");
            }
        }
        assertReleasesNumberedOneToLast();
    }

    @Test
    void submissionsApprovalsAndPublicationsInterleavedOnBothInstancesLoseNothing() throws Exception {
        List<String> missions = MISSIONS.subList(0, PER_INSTANCE);
        List<HttpResponse<String>> publications = race(i -> {
            if (i >= missions.size()) {
                return post(instance(i), "/api/v1/releases", reviewers.get(i % 2));
            }
            long id = id(upload(instance(i), submitter, "late-" + i + ".csv", csv(missions.get(i), "2024-06", 5)));
            HttpResponse<String> approval = post(instance(i + 1), "/api/v1/submissions/" + id + "/approve", reviewers.get(i % 2));
            assertThat(approval.statusCode()).as(approval.body()).isEqualTo(200);
            return post(instance(i), "/api/v1/releases", reviewers.get(i % 2));
        });
        assertThat(publications).extracting(HttpResponse::statusCode).as(bodies(publications)).containsOnly(201, 409);
        List<Integer> numbers = publications.stream().filter(r -> r.statusCode() == 201).map(r -> ApiClient.json(r).get("number").asInt()).toList();
        assertThat(numbers).as("no number twice").doesNotHaveDuplicates().isNotEmpty();
        HttpResponse<String> last = post(first, "/api/v1/releases", reviewers.get(0));
        assertThat(last.statusCode()).as(last.body()).isIn(201, 409);
        assertReleasesNumberedOneToLast();

        Map<String, Integer> released = new TreeMap<>();
        for (String mission : missions) {
            released.put(mission, total(second, ApiClient.ANONYMOUS, mission, "2024").get("value").asInt());
        }
        Map<String, Integer> expected = new TreeMap<>();
        missions.forEach(mission -> expected.put(mission, 5));
        assertThat(released).as("the latest release holds every approval").isEqualTo(expected);
    }

    /** Runs {@code 2 * PER_INSTANCE} requests at once, released together; their answers in order. */
    List<HttpResponse<String>> race(Request request) throws Exception {
        CountDownLatch ready = new CountDownLatch(2 * PER_INSTANCE);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (int i = 0; i < 2 * PER_INSTANCE; i++) {
            int index = i;
            futures.add(pool.submit((Callable<HttpResponse<String>>) () -> {
                ready.countDown();
                go.await();
                return request.send(index);
            }));
        }
        ready.await();
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> future : futures) {
            responses.add(future.get(5, TimeUnit.MINUTES)); // a bound against a deadlock, not a timing assertion
        }
        return responses;
    }

    @FunctionalInterface
    interface Request {
        HttpResponse<String> send(int index) throws Exception;
    }

    /** Even requests go to the first instance, odd to the second. */
    ApiFixture instance(int index) {
        return index % 2 == 0 ? first : second;
    }

    void assertReleasesNumberedOneToLast() {
        List<Integer> listed = new ArrayList<>();
        ApiClient.json(second.client.get("/api/v1/releases", ApiClient.ANONYMOUS)).forEach(release -> listed.add(release.get("number").asInt()));
        assertThat(listed).as("newest first, from the last down to 1, none twice")
                .isEqualTo(IntStream.iterate(listed.size(), n -> n >= 1, n -> n - 1).boxed().toList());
        assertThat(listed).isNotEmpty();
    }

    int lastRelease() {
        JsonNode releases = ApiClient.json(first.client.get("/api/v1/releases", ApiClient.ANONYMOUS));
        return releases.isEmpty() ? 0 : releases.get(0).get("number").asInt();
    }

    static HttpResponse<String> post(ApiFixture instance, String path, ApiClient.Credentials credentials) {
        return instance.client.send("POST", path, credentials, null);
    }

    static HttpResponse<String> upload(ApiFixture instance, ApiClient.Credentials credentials, String fileName, String rows) {
        return instance.client.send("POST", "/api/v1/submissions?type=fatality", credentials, ApiClient.Body.file(fileName, HEADER + "\n" + rows));
    }

    static long id(HttpResponse<String> upload) {
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return ApiClient.json(upload).get("id").asLong();
    }

    /** The total of malicious-act deaths the caller sees for the mission and period. */
    static JsonNode total(ApiFixture instance, ApiClient.Credentials credentials, String mission, String period) {
        HttpResponse<String> response = instance.client.get("/api/v1/values?indicator=P4.FATALITIES_MALICIOUS&org_unit=" + mission
                + "&period=" + period + "&totals=true", credentials);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> totals = new ArrayList<>();
        ApiClient.json(response).forEach(value -> {
            if (value.get("disaggregation").asText().isEmpty()) {
                totals.add(value);
            }
        });
        assertThat(totals).as(mission + " " + period + ": " + response.body()).hasSize(1);
        return totals.get(0);
    }

    /** {@code records} malicious-act deaths in the mission-month, with casualty ids of the mission, month and file. */
    static String csv(String mission, String month, int records) {
        StringBuilder rows = new StringBuilder();
        for (int day = 1; day <= records; day++) {
            rows.append(String.format("%s-%s-%05d,%s-%02d,%s,military,malicious_act,M,BGD,%n", mission, month, day, month, day, mission));
        }
        return rows.toString();
    }

    static String bodies(List<HttpResponse<String>> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
    }

    String auditActions() throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection connection = first.app.database().dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT action, COUNT(*) FROM audit_entry GROUP BY action ORDER BY action")) {
            while (rs.next()) {
                actions.add(rs.getString(1) + "=" + rs.getLong(2));
            }
        }
        return actions.toString();
    }

    long count(String sql) throws Exception {
        return Fixtures.count(first.app, sql);
    }
}
