package org.a4p.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.a4p.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Appends from many threads through two pools on one database, as two app instances would: one chain, gapless, no fork. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.a4p.testing.Databases#databases")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditConcurrencyTest {
    static final int THREADS = 8;
    static final int APPENDS = 25;

    @Parameter
    String url;

    @Test
    void twoInstancesAppendingAtOnceMakeOneGaplessChain() throws Exception {
        try (Database one = Database.open(url); Database two = Database.open(url)) {
            AuditChains.reset(one);
            AuditTrail trailOne = new AuditTrail(AuditChains.ticking());
            AuditTrail trailTwo = new AuditTrail(AuditChains.ticking());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < APPENDS; i++) {
                        boolean first = thread % 2 == 0;
                        (first ? trailOne : trailTwo).append((first ? one : two).dataSource(),
                                AuditEvent.of("thread" + thread, "test.append", "n:" + i, null, Map.of("i", i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();

            long total = THREADS * APPENDS;
            assertThat(AuditChains.seqs(one)).containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
            assertThat(AuditChains.count(one, "SELECT COUNT(DISTINCT prev_hash) FROM audit_entry")).as("no two entries follow the same one")
                    .isEqualTo(total);
            VerifyAudit.Report report = AuditChains.verify(two, null);
            assertThat(report.broken()).isEmpty();
            assertThat(report.entries()).isEqualTo(total);
            assertThat(report.head().seq()).isEqualTo(total);
        }
    }
}
