package io.wsbed.toxiproxy.link;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resources every link of one server shares: the seeded random root, one timer thread, a pool
 * that carries end-of-stream off timer threads, and the registry of every data thread started, so
 * that {@link #close(Duration)} can prove nothing is left running.
 */
public final class DataPlane implements AutoCloseable {
    /** Small stacks: a link thread only copies bytes, and 200 connections mean 400+ threads. */
    private static final long THREAD_STACK_BYTES = 256 * 1024;

    private final SplittableRandom root;
    private final ScheduledThreadPoolExecutor timers;
    private final ExecutorService closers;
    /**
     * Read buffers of a link with no toxics may be larger than a chunk: fewer system calls, and
     * chunk size has no meaning without toxics.
     */
    static final int READ_BUFFER_BYTES = 128 * 1024;
    /** Idle read buffers kept for reuse; direct memory is only freed by the garbage collector. */
    private static final int POOLED_BUFFERS = 64;

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<ByteBuffer> buffers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pooled = new AtomicInteger();

    /** A plane whose draws follow {@code seed}, or are unpredictable when it is null. */
    public DataPlane(Long seed) {
        this.root = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        this.timers = new ScheduledThreadPoolExecutor(1, daemonFactory("toxiproxy-timer"));
        this.timers.setRemoveOnCancelPolicy(true);
        this.closers = Executors.newCachedThreadPool(daemonFactory("toxiproxy-closer"));
    }

    /** A new independent random source for one link. */
    public synchronized Draws newDraws() {
        return new Draws(root.split());
    }

    /**
     * A direct read buffer of {@link #READ_BUFFER_BYTES}: reading into it spares the JDK a copy
     * through its own temporary direct buffer on every read and write.
     */
    public ByteBuffer takeBuffer() {
        ByteBuffer buffer = buffers.poll();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
        }
        pooled.decrementAndGet();
        return buffer.clear();
    }

    /** Gives a buffer back once its reader ended. */
    public void returnBuffer(ByteBuffer buffer) {
        if (pooled.incrementAndGet() <= POOLED_BUFFERS) {
            buffers.add(buffer);
        } else {
            pooled.decrementAndGet();
        }
    }

    /** The timer thread; tasks must be short and hand blocking work to {@link #closers()}. */
    public ScheduledExecutorService timers() {
        return timers;
    }

    /** Runs end-of-stream propagation that a timer starts (it may sleep in slow_close). */
    public ExecutorService closers() {
        return closers;
    }

    /**
     * Runs {@code task} on the closer pool: end-of-stream that a timer or the API starts must not run
     * on their threads, because a later stage (slow_close, a blocked write) may wait. Dropped when
     * the plane is already closing, since every socket is being closed anyway.
     */
    public void runAsync(Runnable task) {
        try {
            closers.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down: the sockets this task would close are closed by the shutdown itself.
        }
    }

    /** Starts a tracked daemon thread; it leaves the registry when it ends. */
    public Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(null, () -> {
            try {
                body.run();
            } finally {
                threads.remove(Thread.currentThread());
            }
        }, name, THREAD_STACK_BYTES);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
        return thread;
    }

    /** Data threads still alive, for diagnostics. */
    public List<String> liveThreadNames() {
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
    }

    /**
     * Waits up to {@code bound} for every tracked thread to end (the caller has closed all sockets),
     * then stops the shared executors. Returns the names of threads that did not end in time.
     */
    public List<String> close(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (Thread t : List.copyOf(threads)) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        timers.shutdownNow();
        closers.shutdownNow();
        try {
            timers.awaitTermination(1, TimeUnit.SECONDS);
            closers.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return liveThreadNames();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(null, runnable, prefix + "-" + counter.incrementAndGet(), THREAD_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }
}
