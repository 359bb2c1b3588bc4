package io.wsbed.toxiproxy.link;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Base of every toxic as it runs on one link: the chain pointer, the toxicity draw, and the
 * interruptible waits that give the reference's restart semantics.
 *
 * <p>Each start of the toxic on the link is a <em>run</em> (a generation number). A run begins at
 * connection setup and again whenever the link restarts the stage (the toxic was updated, a toxic
 * was appended after it, or the toxic after it was removed: the reference restarts the neighbour
 * too). Every new run redraws whether the toxic applies ({@code draw < toxicity}) and interrupts any
 * wait of the previous run. Removal and connection death also end the current run. Subclasses keep
 * per-run state (timers, sleep debt) keyed by generation and per-link state (limit_data's count) in
 * plain fields.
 */
public abstract class ToxicStage implements Stage {
    /** What a subclass sees of the current run: its number and whether the toxic applies. */
    protected record Run(long generation, boolean active) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long generation;
    private boolean applied;
    private boolean removed;
    private boolean killed;
    private volatile Stage next;
    private LinkContext context;

    /** The toxicity of the toxic right now (0 never applies, 1 always). */
    protected abstract double toxicity();

    /** Handles a chunk while the toxic applies; must forward, hold or drop it. */
    protected abstract void process(Chunk chunk, Run run);

    /** Handles end-of-stream while the toxic applies; the default forwards it at once. */
    protected void finish(Run run) {
        next().end();
    }

    @Override
    public void accept(Chunk chunk) {
        Run run = run();
        if (run.active()) {
            process(chunk, run);
        } else {
            next().accept(chunk);
        }
    }

    @Override
    public void end() {
        Run run = run();
        if (run.active()) {
            finish(run);
        } else {
            next().end();
        }
    }

    /** Once, when the link attaches the stage, before its first run. */
    protected void onAttach() {
    }

    /** After a new run began (outside the lock); {@code active} is the fresh draw. */
    protected void onRestart(boolean active) {
    }

    /** After the toxic was removed from the link (outside the lock). */
    protected void onRemove() {
    }

    /** After the connection died; cancel timers and drop held data. */
    protected void onKill() {
    }

    /**
     * True when, after removal, this stage must stay wired until it calls
     * {@link LinkContext#release(ToxicStage)} (it still holds queued data) or for good (it closed
     * the link). False means the link may bypass it at once: it then passes everything through.
     */
    protected boolean releasesItself() {
        return false;
    }

    final void attach(LinkContext linkContext, Stage following) {
        this.context = linkContext;
        this.next = following;
        onAttach();
    }

    final void setNext(Stage following) {
        this.next = following;
    }

    /** Begins a new run: redraws the toxicity and interrupts waits of the previous run. */
    final void restart() {
        boolean active;
        lock.lock();
        try {
            if (removed || killed) {
                return;
            }
            generation++;
            applied = context.draws().nextDouble() < toxicity();
            active = applied;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        onRestart(active);
    }

    final void remove() {
        if (endRun(false)) {
            onRemove();
        }
    }

    final void kill() {
        if (endRun(true)) {
            onKill();
        }
    }

    private boolean endRun(boolean kill) {
        lock.lock();
        try {
            if (killed || (removed && !kill)) {
                return false;
            }
            if (kill) {
                killed = true;
            } else {
                removed = true;
            }
            generation++;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The stage after this one (it may change between chunks, never during one). */
    protected final Stage next() {
        return next;
    }

    protected final LinkContext context() {
        return context;
    }

    /** A snapshot of the current run. */
    protected final Run run() {
        lock.lock();
        try {
            return new Run(generation, applied && !removed && !killed);
        } finally {
            lock.unlock();
        }
    }

    protected final boolean isRemoved() {
        lock.lock();
        try {
            return removed;
        } finally {
            lock.unlock();
        }
    }

    protected final boolean isKilled() {
        lock.lock();
        try {
            return killed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sleeps until {@code deadlineNanos} (a {@link System#nanoTime()} value). Returns true when the
     * deadline passed within {@code run}, false as soon as the run ended (restart, removal, death).
     */
    protected final boolean sleepUntil(long deadlineNanos, Run run) {
        lock.lock();
        try {
            while (generation == run.generation()) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                changed.awaitNanos(left);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** {@link #sleepUntil} for a duration in milliseconds. */
    protected final boolean sleepMillis(long millis, Run run) {
        return sleepUntil(System.nanoTime() + Durations.millisToNanos(millis), run);
    }

    /** The stage's lock, for subclasses that keep queues; always paired with {@link #changed()}. */
    protected final ReentrantLock lock() {
        return lock;
    }

    /** Signalled on every run change; subclasses signal it for their own state changes too. */
    protected final Condition changed() {
        return changed;
    }

    /** Waits on {@link #changed()} for at most {@code millis}; the caller holds the lock. */
    protected final void awaitChange(long millis) {
        try {
            changed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
