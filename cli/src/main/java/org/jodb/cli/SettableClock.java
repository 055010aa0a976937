package org.jodb.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of a copy: it reads the commit time of the source revision being copied, so the copy's
 * revisions keep their commit times. Thread-safe (volatile).
 */
final class SettableClock extends Clock {
    private volatile Instant now = Instant.now();

    /** Makes the next commits read {@code instant}; null (an unknown time) keeps the current one. */
    void set(Instant instant) {
        if (instant != null) {
            now = instant;
        }
    }

    /** A millisecond later: commits of one revision's batches stay in order. */
    void tick() {
        now = now.plusMillis(1);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
