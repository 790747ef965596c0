package org.a4p.pages;

import java.util.concurrent.atomic.AtomicReference;
import org.a4p.i18n.Messages;

/**
 * What the server is busy with, told on every page: {@code ./a4p serve --demo} listens at once
 * and loads the demo behind it, so a newcomer sees the product in seconds and the figures arrive
 * as they are computed. Empty when the server is busy with nothing.
 */
public final class ServerNotice {
    private final AtomicReference<String> phase = new AtomicReference<>();
    private volatile int percent;

    /** The demo is loading, at {@code phase} (a record type, or publishing), {@code fraction} done. */
    public void demoLoading(String phase, double fraction) {
        this.phase.set(phase);
        this.percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    }

    public void clear() {
        phase.set(null);
    }

    /** The notice in the reader's words, or null. */
    String text(Messages words) {
        String now = phase.get();
        return now == null ? null : words.get("notice.demo_loading", now, percent);
    }
}
