package org.a4p.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The highest heap use seen while the bench runs, sampled every 10 ms from the MemoryMXBean (a
 * lower bound of the true peak: a spike between two samples is missed).
 */
final class HeapPeak implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread sampler;
    private volatile long peak;
    private volatile boolean running = true;

    HeapPeak() {
        sampler = new Thread(this::sample, "a4p-bench-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    double megabytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed()) / (1024.0 * 1024.0);
    }

    static double maxHeapMegabytes() {
        return Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
