package org.a4p.ingest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.a4p.pack.Pack;
import org.a4p.pack.PackLoader;
import org.a4p.pack.RecordType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and validating rows, the importer's first pass, on 10,000 fatality rows of the
 * product's own CSV layout held in memory: the score is per row (run: README, Speed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RowValidationBenchmark {
    private static final int ROWS = 10_000;
    private Pack pack;
    private RecordType fatality;
    private byte[] csv;

    @Setup
    public void setUp() {
        pack = PackLoader.loadBundled();
        fatality = pack.recordType("fatality").orElseThrow();
        String[] missions = {"MINUSCA", "MONUSCO", "UNMISS", "UNIFIL", "MINURSO"};
        String[] personnel = {"military", "police", "international_civilian"};
        String[] incidents = {"malicious_act", "accident", "illness"};
        Random random = new Random(1);
        StringBuilder text = new StringBuilder("casualty_id,incident_date,mission,personnel_type,incident_type,gender,nationality,name\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("C").append(i).append(',').append(LocalDate.of(2017, 1, 1).plusDays(random.nextInt(2900))).append(',')
                    .append(missions[random.nextInt(missions.length)]).append(',').append(personnel[random.nextInt(personnel.length)])
                    .append(',').append(incidents[random.nextInt(incidents.length)]).append(",M,BGD,Person ").append(i).append('\n');
        }
        csv = text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Object readAndValidate() {
        Issues issues = Issues.create("bench.csv");
        FileBatch batch = new FileParser(pack, fatality, Instant.now()).parse(new ImportFile("bench.csv", () -> new ByteArrayInputStream(csv)),
                null, issues, Progress.NONE, new ArrayList<>());
        if (issues.errorCount() > 0 || batch.records().size() != ROWS) {
            throw new IllegalStateException("the benchmark's rows were not all valid: " + issues.errors());
        }
        return batch;
    }
}
