package org.a4p.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.a4p.support.CliRun;
import org.a4p.testing.Databases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code bench --format json} on a small run: its shape, its runs, and that the references computed the product's numbers. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
class BenchCommandTest {
    @Parameter
    String url;

    @Test
    void writesEveryFigureWithItsRunsAndReferencesThatAgreeWithTheProduct() throws Exception {
        CliRun run = CliRun.of("bench", "--db", url, "--records", "2000", "--repeat", "3", "--format", "json",
                "--api-rate", "20", "--api-seconds", "2", "--api-warmup", "1");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertThat(json.fieldNames()).toIterable().contains("records", "database", "machine", "import_rows_per_s",
                "import_reference_rows_per_s", "full_refresh_s", "full_refresh_reference_s", "incremental_refresh_s", "api_p50_ms",
                "api_p99_ms", "report_s", "peak_heap_mb", "ratio_full_refresh", "not_measured");
        assertThat(json.get("records").asInt()).isEqualTo(2000);
        assertThat(json.get("database").asText()).isEqualTo(url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
        assertThat(json.get("machine").get("cores").asInt()).isPositive();

        assertThat(json.get("full_refresh_runs_s")).hasSize(3);
        assertThat(json.get("full_refresh_reference_runs_s")).hasSize(3);
        assertThat(json.get("full_rebuild_runs_s")).hasSize(3);
        assertThat(json.get("full_rebuild_s").asDouble()).isEqualTo(median(json.get("full_rebuild_runs_s"))).isPositive();
        assertThat(json.get("ratio_full_rebuild").asDouble())
                .isCloseTo(json.get("full_rebuild_s").asDouble() / json.get("full_refresh_reference_s").asDouble(), withinPercentage(1));
        assertThat(json.get("incremental_refresh_runs_s")).hasSize(3);
        assertThat(json.get("full_refresh_s").asDouble()).isEqualTo(median(json.get("full_refresh_runs_s")));
        assertThat(json.get("full_refresh_reference_s").asDouble()).isEqualTo(median(json.get("full_refresh_reference_runs_s")));
        assertThat(json.get("ratio_full_refresh").asDouble())
                .isCloseTo(json.get("full_refresh_s").asDouble() / json.get("full_refresh_reference_s").asDouble(), withinPercentage(1));

        // Both imports wrote the same rows of the same four files: 500 of each type.
        assertThat(rows(json.get("import_runs"))).containsExactly(500L, 500L, 500L, 500L);
        assertThat(rows(json.get("import_reference_runs"))).containsExactly(500L, 500L, 500L, 500L);
        assertThat(json.get("ratio_import").asDouble())
                .isCloseTo(json.get("import_rows_per_s").asDouble() / json.get("import_reference_rows_per_s").asDouble(), withinPercentage(1));

        JsonNode check = json.get("reference_check");
        assertThat(check.get("matches").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("mismatch_count").asInt()).isZero();
        assertThat(check.get("values_compared").asInt()).isPositive();
        assertThat(json.get("reference_runs_agree").asBoolean()).isTrue();

        // Every figure the issue asks for is measured now.
        assertThat(json.get("not_measured")).isEmpty();
        for (String key : List.of("api_p50_ms", "api_p99_ms", "api_request_rate_per_s", "report_s", "report_html_s", "release_publish_s",
                "import_batch_rows_per_s", "peak_heap_mb")) {
            assertThat(json.get(key).isNumber()).as(key).isTrue();
            assertThat(json.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(json.get("api_p99_ms").asDouble()).isGreaterThanOrEqualTo(json.get("api_p50_ms").asDouble());
        assertThat(json.get("report_runs_s")).hasSize(3);
        assertThat(json.get("report_html_runs_s")).hasSize(3);
        assertThat(json.get("report_s").asDouble()).isEqualTo(median(json.get("report_runs_s")));

        // The load: 20 requests/s for 2 s counted, all answered 2xx by a server that is gone afterwards.
        JsonNode api = json.get("api");
        assertThat(api.get("requests").asInt()).isEqualTo(40);
        assertThat(api.get("rate_per_s").asInt()).isEqualTo(20);
        assertThat(api.get("achieved_rate_per_s").asDouble()).isCloseTo(20, withinPercentage(25));
        assertThat(api.get("non2xx").asInt()).as(api.toString()).isZero();
        assertThat(api.get("errors").asInt()).as(api.toString()).isZero();
        assertThat(api.get("server_stopped").asBoolean()).isTrue();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("")).filter(line -> line.contains("org.a4p.cli.Main serve")))
                .as("the bench's server child").isEmpty();
        int mixed = 0;
        for (JsonNode count : api.get("mix")) {
            mixed += count.asInt();
        }
        assertThat(mixed).isEqualTo(40);
        assertThat(api.get("mix")).hasSize(5);

        boolean postgres = url.startsWith("jdbc:postgresql:");
        assertThat(json.get("import_reference_method").asText()).isEqualTo(postgres ? "postgresql_copy" : "jdbc_batch");
        assertThat(rows(json.get("import_batch_runs"))).containsExactly(500L, 500L, 500L, 500L);
        if (postgres) {
            assertThat(rows(json.get("import_copy_runs"))).containsExactly(500L, 500L, 500L, 500L);
            assertThat(json.get("import_reference_rows_per_s").asDouble()).isEqualTo(json.get("import_copy_rows_per_s").asDouble());
        } else {
            assertThat(json.get("import_copy_rows_per_s").isNull()).isTrue();
            assertThat(json.get("import_reference_rows_per_s").asDouble()).isEqualTo(json.get("import_batch_rows_per_s").asDouble());
        }
    }

    private static double median(JsonNode runs) {
        List<Double> values = new ArrayList<>();
        runs.forEach(node -> values.add(node.asDouble()));
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static List<Long> rows(JsonNode runs) {
        List<Long> out = new ArrayList<>();
        runs.forEach(run -> out.add(run.get("rows").asLong()));
        return out;
    }
}
