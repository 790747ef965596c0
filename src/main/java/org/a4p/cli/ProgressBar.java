package org.a4p.cli;

import java.io.PrintStream;
import org.a4p.ingest.Progress;

/**
 * A one-line progress bar on standard error. It appears only after a second of work and only on
 * a terminal, so quick commands and scripts see nothing of it.
 */
final class ProgressBar implements Progress {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    ProgressBar(PrintStream out) {
        this.out = out;
        this.enabled = System.console() != null;
    }

    @Override
    public void update(String phase, double fraction) {
        long now = System.nanoTime();
        if (!enabled || now - started < DELAY_NANOS || now - lastDrawn < 100_000_000L) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * WIDTH);
        String label = phase.length() > 40 ? phase.substring(0, 37) + "..." : phase;
        out.printf("\r[%s%s] %3d%%  %-40s", "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(fraction * 100), label);
        out.flush();
    }

    @Override
    public void done() {
        if (drawn) {
            out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
            out.flush();
            drawn = false;
        }
    }
}
