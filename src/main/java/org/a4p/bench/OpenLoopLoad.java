package org.a4p.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop HTTP load at a fixed rate: request i is due at start + i / rate, whether or not earlier
 * ones were answered, and its latency runs from that due time, so a server (or a generator) that
 * falls behind shows in the latencies instead of quietly lowering the rate (coordinated omission).
 * The first {@code warmup} seconds are sent alike and not counted.
 */
final class OpenLoopLoad {
    record Settings(int ratePerS, int warmupS, int seconds) {}

    /** Latencies in ms of the counted requests answered (any status); errors are requests with no answer. */
    record Outcome(int requests, double achievedRatePerS, double p50Ms, double p99Ms, double maxMs, int non2xx, int errors,
            double maxSendLagMs, Map<String, Integer> mix, List<String> errorSamples) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;

    OpenLoopLoad(Settings settings) {
        this.settings = settings;
    }

    Outcome run(String base, List<String> paths) throws InterruptedException {
        int warm = settings.ratePerS() * settings.warmupS();
        int total = warm + settings.ratePerS() * settings.seconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.ratePerS();
        List<HttpRequest> requests = paths.stream()
                .map(p -> HttpRequest.newBuilder(URI.create(base + p)).timeout(TIMEOUT).GET().build()).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        double[] latencies = new double[total];
        int[] statuses = new int[total];
        String[] failures = new String[total];
        long[] sent = new long[total];
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            sent[i] = System.nanoTime();
            int n = i;
            inFlight.add(client.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[n] = (System.nanoTime() - due) / 1e6;
                        if (failure != null) {
                            failures[n] = failure.toString();
                        } else {
                            statuses[n] = response.statusCode();
                        }
                    }));
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(f -> null)
                    .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Each request's own timeout ends it; what is still open counts as an error below.
        }
        List<Double> answered = new ArrayList<>();
        int non2xx = 0;
        int errors = 0;
        double lag = 0;
        Map<String, Integer> mix = new LinkedHashMap<>();
        List<String> samples = new ArrayList<>();
        for (int i = warm; i < total; i++) {
            mix.merge(paths.get(i % paths.size()), 1, Integer::sum);
            lag = Math.max(lag, (sent[i] - (start + i * interval)) / 1e6);
            if (statuses[i] == 0) {
                errors++;
                if (samples.size() < 3) {
                    samples.add(failures[i] == null ? "no answer in time" : failures[i]);
                }
                continue;
            }
            answered.add(latencies[i]);
            if (statuses[i] / 100 != 2) {
                non2xx++;
                if (samples.size() < 3) {
                    samples.add("HTTP " + statuses[i] + " from " + paths.get(i % paths.size()));
                }
            }
        }
        answered.sort(Double::compare);
        int counted = total - warm;
        double span = (sent[total - 1] - sent[warm]) / 1e9;
        double achieved = counted > 1 && span > 0 ? (counted - 1) / span : counted;
        double[] sorted = answered.stream().mapToDouble(Double::doubleValue).toArray();
        return new OpenLoopLoad.Outcome(counted, achieved, sorted.length == 0 ? Double.NaN : Runs.percentile(answered, 50),
                sorted.length == 0 ? Double.NaN : Runs.percentile(answered, 99), Arrays.stream(sorted).max().orElse(Double.NaN), non2xx,
                errors, lag, mix, samples);
    }
}
