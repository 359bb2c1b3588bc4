package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import io.wsbed.toxiproxy.link.Durations;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The {@code slicer} toxic: each chunk is split near its midpoint, shifted by a uniform amount in
 * [-size_variation, +size_variation), recursively until every piece is at most
 * {@code average_size + size_variation} bytes; the pieces go out in order with {@code delay}
 * <em>microseconds</em> of sleep after each. When the run ends mid-chunk, the rest goes out as one
 * piece.
 */
final class SlicerStage extends SpecStage {
    SlicerStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        long average = attribute("average_size");
        long variation = attribute("size_variation");
        long delayNanos = Durations.microsToNanos(attribute("delay"));
        Boundaries boundaries = new Boundaries(average, variation);
        boundaries.split(0, chunk.length());
        int[] ends = boundaries.ends;
        int count = boundaries.count;
        int from = 0;
        for (int i = 0; i < count; i++) {
            next().accept(chunk.slice(from, ends[i] - from));
            from = ends[i];
            if (delayNanos > 0 && !sleepUntil(System.nanoTime() + delayNanos, run)) {
                if (from < chunk.length()) {
                    next().accept(chunk.from(from));
                }
                return;
            }
        }
    }

    /** The end offsets of the pieces, computed with the link's random source. */
    private final class Boundaries {
        private final long average;
        private final long variation;
        private int[] ends = new int[16];
        private int count;

        Boundaries(long average, long variation) {
            this.average = average;
            this.variation = variation;
        }

        void split(int start, int end) {
            if ((long) (end - start) - average <= variation) {
                add(end);
                return;
            }
            long shift = context().draws().nextLong(-variation, variation);
            long mid = start + (end - start) / 2 + shift;
            // Keep both halves non-empty so the recursion always shrinks.
            int cut = (int) Math.max(start + 1, Math.min(end - 1, mid));
            split(start, cut);
            split(cut, end);
        }

        private void add(int end) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = end;
        }
    }
}
