package io.wsbed.toxiproxy.link;

import java.util.SplittableRandom;

/**
 * The random source of one link (toxicity draws, latency jitter, slicer split points).
 *
 * <p>Each link gets its own generator split from the server's seeded root, so with a fixed seed the
 * draws of the n-th accepted connection do not depend on traffic on other connections. It is
 * synchronized because the API thread (redraws on restart) and data threads both draw.
 */
public final class Draws {
    private final SplittableRandom random;

    Draws(SplittableRandom random) {
        this.random = random;
    }

    /** Uniform in [0, 1). */
    public synchronized double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [origin, bound); origin when the range is empty. */
    public synchronized long nextLong(long origin, long bound) {
        return bound > origin ? random.nextLong(origin, bound) : origin;
    }
}
