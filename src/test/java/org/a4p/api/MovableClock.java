package org.a4p.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock (or a frozen instant) plus an offset a test moves forward, so a server's sessions time out without waiting. */
final class MovableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** Stops the clock (it moves only by {@link #advance}) until {@link #thaw}: a test of a wait then never depends on the machine's speed. */
    void freeze() {
        frozen = Instant.now();
    }

    void thaw() {
        frozen = null;
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return (at == null ? Instant.now() : at).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock is in UTC");
    }
}
