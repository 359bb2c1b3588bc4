package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import io.wsbed.toxiproxy.link.Durations;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@code timeout} toxic, which blackholes rather than delays: every chunk is read and dropped
 * (the sender sees no backpressure). With {@code timeout > 0} the link closes (FIN) once no chunk
 * arrived for that many ms, the idle timer restarting on every chunk and on every run; with 0 it
 * never closes by itself. End-of-stream closes at once, and removing the toxic closes the link
 * whatever the toxicity draw was (the reference's cleanup hook), because data was lost.
 */
final class TimeoutStage extends SpecStage {
    private final Object timerLock = new Object();
    private ScheduledFuture<?> timer;
    private long timerGeneration = -1;
    private long idleDeadline;
    private volatile boolean closed;

    TimeoutStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    public void accept(Chunk chunk) {
        if (!closed) {
            super.accept(chunk);
        }
    }

    @Override
    public void end() {
        if (!closed) {
            super.end();
        }
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        synchronized (timerLock) {
            if (timerGeneration == run.generation()) {
                idleDeadline = System.nanoTime() + Durations.millisToNanos(attribute("timeout"));
            }
        }
    }

    @Override
    protected void finish(Run run) {
        close(false);
    }

    @Override
    protected void onRestart(boolean active) {
        Run run = run();
        long timeout = attribute("timeout");
        synchronized (timerLock) {
            cancelTimer();
            if (active && timeout > 0 && !closed) {
                timerGeneration = run.generation();
                idleDeadline = System.nanoTime() + Durations.millisToNanos(timeout);
                schedule(idleDeadline - System.nanoTime());
            }
        }
    }

    @Override
    protected void onRemove() {
        close(true);
    }

    @Override
    protected void onKill() {
        synchronized (timerLock) {
            cancelTimer();
        }
    }

    /** After closing, the stage stays wired and keeps dropping: the link is going down. */
    @Override
    protected boolean releasesItself() {
        return true;
    }

    private void schedule(long delayNanos) {
        long generation = timerGeneration;
        timer = context().plane().timers().schedule(() -> check(generation),
                Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void check(long generation) {
        synchronized (timerLock) {
            if (generation != timerGeneration || closed) {
                return;
            }
            long left = idleDeadline - System.nanoTime();
            if (left > 0) {
                schedule(left);
                return;
            }
        }
        close(true);
    }

    private void close(boolean async) {
        synchronized (timerLock) {
            if (closed) {
                return;
            }
            closed = true;
            cancelTimer();
        }
        if (async) {
            context().plane().runAsync(() -> next().end());
        } else {
            next().end();
        }
    }

    private void cancelTimer() {
        timerGeneration = -1;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
