package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import java.util.function.Supplier;

/**
 * The {@code bandwidth} toxic: {@code rate} KB/s with 1 KB = 1000 bytes, so a chunk costs
 * {@code length / rate} ms of sleep debt paid before it is forwarded; chunks larger than
 * {@code rate * 100} bytes go out in such pieces every 100 ms. Rate 0 lets nothing through and holds
 * the chunk (the connection stays open, the sender feels backpressure) until the run ends: an
 * update or removal delivers the held bytes at once, as the reference does.
 */
final class BandwidthStage extends SpecStage {
    private static final long SLICE_NANOS = 100_000_000L;

    /** Sleep debt of the current run; only the thread running this link's segment touches it. */
    private long debtNanos;
    private long debtGeneration = -1;

    BandwidthStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        if (debtGeneration != run.generation()) {
            debtGeneration = run.generation();
            debtNanos = 0;
        }
        long rate = attribute("rate");
        if (rate <= 0) {
            hold(chunk, run);
            return;
        }
        Chunk rest = chunk;
        debtNanos += rest.length() * 1_000_000L / rate;
        int perSlice = (int) Math.min(Integer.MAX_VALUE, rate * 100);
        while (rest.length() > perSlice) {
            if (!sleepUntil(System.nanoTime() + SLICE_NANOS, run)) {
                next().accept(rest);
                return;
            }
            next().accept(rest.slice(0, perSlice));
            rest = rest.from(perSlice);
            debtNanos -= SLICE_NANOS;
        }
        long start = System.nanoTime();
        if (sleepUntil(start + Math.max(0, debtNanos), run)) {
            // Pay back oversleeping, as the reference offsets timer imprecision.
            debtNanos -= System.nanoTime() - start;
        }
        next().accept(rest);
    }

    private void hold(Chunk chunk, Run run) {
        while (sleepUntil(System.nanoTime() + SLICE_NANOS, run)) {
            // Rate 0: keep holding in bounded steps until the run ends.
        }
        next().accept(chunk);
    }
}
