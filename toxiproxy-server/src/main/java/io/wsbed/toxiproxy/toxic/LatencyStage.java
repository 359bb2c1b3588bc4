package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import io.wsbed.toxiproxy.link.Durations;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The {@code latency} toxic: each chunk is released at its receive stamp plus
 * {@code latency ± jitter} ms, in order, by a thread of its own fed through a 1024-chunk buffer (as
 * in the reference), so back-to-back chunks are not delayed cumulatively and the reader keeps
 * reading. End-of-stream travels behind the data.
 *
 * <p>A restart sends the chunk being waited for at once and applies the new delay to the rest;
 * removal flushes the buffer without delay, after which the stage bypasses itself.
 */
final class LatencyStage extends SpecStage {
    private static final int BUFFER_CHUNKS = 1024;
    private static final Chunk END = new Chunk(new byte[0], 0, 0, 0);

    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    /** Set by the release thread once removed and empty: from then on chunks go straight on. */
    private boolean bypass;

    LatencyStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    protected void onAttach() {
        context().startThread("latency", this::releaseLoop);
    }

    @Override
    protected boolean releasesItself() {
        return true;
    }

    @Override
    public void accept(Chunk chunk) {
        if (!offer(chunk)) {
            next().accept(chunk);
        }
    }

    @Override
    public void end() {
        if (!offer(END)) {
            next().end();
        }
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        throw new IllegalStateException("latency chunks go through the queue");
    }

    /** Queues a copy of the chunk; false when the stage is bypassed and the caller must forward. */
    private boolean offer(Chunk chunk) {
        lock().lock();
        try {
            while (!bypass && !isKilled() && queue.size() >= BUFFER_CHUNKS) {
                awaitChange(100);
            }
            if (bypass) {
                return false;
            }
            if (!isKilled()) {
                queue.add(chunk == END ? END : chunk.copy());
                changed().signalAll();
            }
            return true;
        } finally {
            lock().unlock();
        }
    }

    private void releaseLoop() {
        while (true) {
            Chunk head = take();
            if (head == null) {
                return;
            }
            if (head == END) {
                next().end();
                return;
            }
            release(head);
        }
    }

    /** The next queued chunk; null when the thread should end (killed, or removed and empty). */
    private Chunk take() {
        boolean drained = false;
        lock().lock();
        try {
            while (queue.isEmpty()) {
                if (isKilled()) {
                    return null;
                }
                if (isRemoved()) {
                    bypass = true;
                    drained = true;
                    break;
                }
                awaitChange(100);
            }
            if (!drained) {
                Chunk head = queue.poll();
                changed().signalAll();
                return head;
            }
        } finally {
            lock().unlock();
        }
        context().release(this);
        return null;
    }

    private void release(Chunk chunk) {
        Run run = run();
        long delay = run.active() ? delayNanos() : 0;
        long releaseAt = chunk.timestampNanos() + delay;
        boolean waited = sleepUntil(releaseAt, run);
        if (isKilled()) {
            return;
        }
        // A later latency toxic measures from our release time, so stacked latencies add up.
        next().accept(waited ? chunk.withTimestamp(Math.max(releaseAt, chunk.timestampNanos())) : chunk);
    }

    private long delayNanos() {
        long millis = attribute("latency");
        long jitter = attribute("jitter");
        if (jitter > 0) {
            millis += context().draws().nextLong(-jitter, jitter);
        }
        return Durations.millisToNanos(millis);
    }
}
