package io.wsbed.stack.api;

import java.util.Random;

/**
 * The contract's reconnect policy: 100 ms initial delay, doubled per attempt, capped at 2 s,
 * jitter 0.5 (the delay is drawn uniformly from [base * 0.5, base * 1.5], then capped), unlimited
 * attempts. Seeded, so a run can be replayed.
 */
public final class Backoff {
    static final long INITIAL_MS = 100;
    static final long MAX_MS = 2_000;
    static final double JITTER = 0.5;

    private final Random random;

    public Backoff(long seed) {
        this.random = new Random(seed);
    }

    /** Delay before attempt number {@code attempt} (1-based). */
    public long delayMs(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, got " + attempt);
        }
        long base = INITIAL_MS << Math.min(attempt - 1, 20);
        base = Math.min(base, MAX_MS);
        double factor = 1 - JITTER + 2 * JITTER * random.nextDouble();
        return Math.min(MAX_MS, Math.round(base * factor));
    }
}
