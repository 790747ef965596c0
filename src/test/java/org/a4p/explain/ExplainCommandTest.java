package org.a4p.explain;

import static org.a4p.support.Fixtures.accepted;
import static org.a4p.support.Fixtures.csv;
import static org.a4p.support.Fixtures.importFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.a4p.app.App;
import org.a4p.app.Json;
import org.a4p.support.CliRun;
import org.a4p.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code a4p explain} on H2 and PostgreSQL: one block per submission, JSON as documented, no restricted value. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainCommandTest {
    @Parameter
    String url;

    long first;
    long revision;

    @BeforeParameterizedClassInvocation
    void load() throws Exception {
        Path folder = Files.createTempDirectory("explain-cli");
        try (App app = Fixtures.app(url)) {
            first = accepted(importFiles(app, "fatality", false, csv(folder, "fatalities.csv", ExplainValueTest.HEADER,
                    "F1,2020-03-10,MINUSCA,military,malicious_act,M,BGD," + ExplainValueTest.NAME,
                    "F2,2020-04-02,MINUSCA,police,malicious_act,F,RWA,Other Name"))).submissions().get(0).id();
            revision = accepted(importFiles(app, "fatality", true, csv(folder, "next.csv", ExplainValueTest.HEADER,
                    "F1,2020-03-10,MINUSCA,military,accident,M,BGD," + ExplainValueTest.RENAMED,
                    "F2,2020-04-02,MINUSCA,police,malicious_act,F,RWA,Other Name"))).submissions().get(0).id();
        }
    }

    @Test
    void printsOneBlockPerSubmissionWithItsRecords() {
        CliRun run = CliRun.of("explain", "--db", url, "--indicator", ExplainValueTest.INDICATOR, "--mission", "MINUSCA", "--period", "2020");
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).contains("P4.FATALITIES_MALICIOUS, MINUSCA, 2020: 1 (1 records)")
                .containsPattern("submission " + first + " \\(\\d{4}-\\d{2}-\\d{2}, fatality, fatalities.csv\\): - -> 2")
                .containsPattern("submission " + revision + " \\(\\d{4}-\\d{2}-\\d{2}, fatality, next.csv\\): 2 -> 1")
                .contains("revised  casualty_id=F1: incident_type 'malicious_act' -> 'accident'; name (restricted: withheld)")
                .doesNotContain("Planted");
    }

    @Test
    void writesJson() throws Exception {
        CliRun run = CliRun.of("explain", "--db", url, "--indicator", ExplainValueTest.INDICATOR, "--mission", "MINUSCA", "--period", "2020",
                "--format", "json");
        assertThat(run.code()).as(run.all()).isZero();
        assertThat(run.out()).doesNotContain("Planted");
        JsonNode node = Json.mapper().readTree(run.out());
        assertThat(node.get("changes").get(1).get("records").get(0).get("key").asText()).isEqualTo("casualty_id=F1");
        assertThat(node.get("changes").get(1).get("records").get(0).get("fields").get(0).get("to").asText()).isEqualTo("accident");
        assertThat(node.get("changes").get(1).get("from").asDouble()).isEqualTo(2.0);
    }

    @Test
    void refusesAnUnknownIndicatorAsAUsageError() {
        CliRun run = CliRun.of("explain", "--db", url, "--indicator", "NOPE", "--period", "2020");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown indicator 'NOPE'");
    }
}
