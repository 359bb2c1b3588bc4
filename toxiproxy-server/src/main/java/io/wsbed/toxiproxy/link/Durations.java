package io.wsbed.toxiproxy.link;

/** Conversions of toxic attributes (milliseconds, microseconds) into saturated nanoseconds. */
public final class Durations {
    /**
     * The longest wait a toxic may ask for, about 11 days: far beyond any test, and small enough
     * that {@code System.nanoTime() + wait} never overflows.
     */
    public static final long MAX_NANOS = 1_000_000_000_000_000L;

    private Durations() {
    }

    public static long millisToNanos(long millis) {
        return millis >= MAX_NANOS / 1_000_000 ? MAX_NANOS : Math.max(0, millis) * 1_000_000;
    }

    public static long microsToNanos(long micros) {
        return micros >= MAX_NANOS / 1_000 ? MAX_NANOS : Math.max(0, micros) * 1_000;
    }
}
