package org.a4p.api;

import org.a4p.web.CsrfTokens;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.a4p.access.Role;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * A restricted value planted in the records never leaves the role granted it: every GET route of
 * the API for every other caller, the command line's outputs and error report, and the logs are
 * scanned for it; the granted role's own view is the control that the value is really there.
 */
class RestrictedValuesScanTest {
    static final String PLANTED = "Planted Secret Name";
    static final String PLANTED_IN_ERROR = "Planted Rejected Name";
    static final String HEADER = "casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name";

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.a4p.testing.Databases#databases")
    void aPlantedRestrictedValueAppearsOnlyToTheRoleGrantedIt(String url) throws Exception {
        Logs logs = Logs.capture();
        try (ApiFixture api = new ApiFixture(url)) {
            Path good = Fixtures.csv(folder, "planted.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD," + PLANTED,
                    "MINUSCA-2020-02-00002,2020-02-15,MINUSCA,police,accident,F,RWA,Another Name");
            Fixtures.accepted(Fixtures.importFiles(api.app, "fatality", false, good));
            Path revised = Fixtures.csv(folder, "revised.csv", HEADER,
                    "MINUSCA-2020-01-00001,2020-01-15,MINUSCA,military,malicious_act,M,BGD," + PLANTED + " Junior");
            Fixtures.accepted(Fixtures.importFiles(api.app, "fatality", false, revised));
            Path bad = Fixtures.csv(folder, "bad.csv", HEADER,
                    "MINUSCA-2020-03-00003,31/02/2020,MINUSCA,military,malicious_act,M,BGD," + PLANTED_IN_ERROR,
                    "MINUSCA-2020-03-00004,2020-03-15,MINUSCA,military,malicious_act,M,BGD,\"" + PLANTED_IN_ERROR + "\u0000\"");

            api.addUser("medic", Role.MEDICAL_OFFICER);
            api.addUser("medic-of-minusca", Role.MEDICAL_OFFICER, "MINUSCA");
            api.addUser("medic-of-unmiss", Role.MEDICAL_OFFICER, "UNMISS");
            api.addUser("conduct", Role.CONDUCT_OFFICER);
            api.addUser("officer", Role.MISSION_OFFICER, "MINUSCA");
            api.addUser("analyst", Role.ANALYST);
            api.addUser("admin", Role.ADMIN);
            api.addUser("delegate", Role.DELEGATE);

            Map<String, String> outputs = new LinkedHashMap<>();
            Map<String, ApiClient.Credentials> callers = new LinkedHashMap<>();
            callers.put("anonymous", ApiClient.ANONYMOUS);
            for (String name : List.of("medic-of-unmiss", "conduct", "officer", "analyst", "admin", "delegate")) {
                callers.put(name, api.signIn(name));
            }
            List<String> paths = AuthorizationMatrixTest.SAMPLES.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("GET ")).map(e -> e.getValue().path()).toList();
            List<String> more = List.of("/api/v1/records/fatality?mission=MINUSCA", "/api/v1/submissions/1", "/api/v1/submissions/2",
                    "/api/v1/values?indicator=P4.FATALITIES_ALL&org_unit=MINUSCA&by=month");
            callers.forEach((name, credentials) -> {
                for (String path : concat(paths, more)) {
                    HttpResponse<String> response = api.client.get(path, credentials);
                    outputs.put(name + " GET " + path, response.statusCode() + " " + response.headers().map() + " " + response.body());
                }
            });
            HttpResponse<String> upload = api.client.send("POST", "/api/v1/submissions?type=fatality", callers.get("analyst"),
                    ApiClient.Body.file("bad.csv", Files.readString(bad)), CsrfTokens.HEADER,
                    ((ApiClient.Session) callers.get("analyst")).csrfToken());
            outputs.put("analyst POST bad.csv", upload.statusCode() + " " + upload.body());

            Path errors = folder.resolve("errors.csv");
            CliRun rejected = CliRun.of("import", "--db", url, "--type", "fatality", "--errors", errors.toString(), bad.toString());
            outputs.put("cli import bad.csv", rejected.all());
            outputs.put("cli --errors file", Files.readString(errors, StandardCharsets.UTF_8));
            for (String[] command : List.of(new String[] {"submissions"}, new String[] {"submissions", "--changes", "2"},
                    new String[] {"indicators", "--mission", "MINUSCA", "--by", "month", "--format", "csv"},
                    new String[] {"indicators", "--mission", "MINUSCA", "--format", "json"},
                    new String[] {"scorecard", "--mission", "MINUSCA", "--year", "2020", "--format", "json"})) {
                outputs.put("cli " + String.join(" ", command), CliRun.of(concat(List.of(command), List.of("--db", url)).toArray(String[]::new)).all());
            }
            outputs.put("logs", logs.text());

            assertThat(rejected.code()).isEqualTo(1);
            assertThat(upload.statusCode()).isEqualTo(422);
            assertThat(outputs.get("cli submissions --changes 2")).contains("revised").contains("name");
            // the scan reads real outputs: the record is there for the analyst, without its name; the logs hold the sign-ins
            assertThat(outputs.get("analyst GET /api/v1/records/fatality?mission=MINUSCA")).startsWith("200").contains("MINUSCA-2020-01-00001");
            assertThat(outputs.get("logs")).contains("event=login");
            assertThat(outputs.get("cli --errors file")).contains("bad.csv").contains("(withheld: restricted field)");
            outputs.forEach((where, text) -> assertThat(text).as(where).doesNotContain("Planted"));

            for (String medic : List.of("medic", "medic-of-minusca")) { // at headquarters, and the mission's own
                HttpResponse<String> granted = api.client.get("/api/v1/records/fatality?mission=MINUSCA", api.signIn(medic));
                assertThat(granted.statusCode()).as(medic).isEqualTo(200);
                assertThat(granted.body()).as(medic).contains(PLANTED + " Junior").doesNotContain(PLANTED_IN_ERROR);
            }
            assertThat(outputs.get("medic-of-unmiss GET /api/v1/records/fatality?mission=MINUSCA")).startsWith("403");
        } finally {
            logs.stop();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> out = new ArrayList<>(first);
        out.addAll(second);
        return out;
    }

    /** Every log line of the test, with its stack trace, whatever the configured levels. */
    private static final class Logs extends AppenderBase<ILoggingEvent> {
        private final StringBuilder text = new StringBuilder();
        private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

        static Logs capture() {
            Logs logs = new Logs();
            logs.setContext(logs.root.getLoggerContext());
            logs.start();
            logs.root.addAppender(logs);
            return logs;
        }

        @Override
        protected synchronized void append(ILoggingEvent event) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }

        synchronized String text() {
            return text.toString();
        }

        @Override
        public void stop() {
            root.detachAppender(this);
            super.stop();
        }
    }
}
