package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.scenario.Cell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs cells up to {@code parallel} at a time. A cell that must run alone (it loads the machine
 * enough to disturb a neighbour's figures, like the reconnect storm) waits until every running
 * cell has finished, and nothing starts beside it; those cells are queued after all the others, so
 * the machine empties only once. Each cell's result arrives through its own future, whatever the
 * order in which cells finish.
 *
 * <p>Threads are daemons: a harness stopped by a signal does not wait for them (the shutdown hook
 * of {@link io.wsbed.harness.process.ProcessRegistry} kills the cells' processes).
 */
final class CellScheduler<R> {
    private static final Duration LOCK_BOUND = Duration.ofMinutes(30);
    private final int parallel;
    private final Predicate<Cell> alone;
    private final Function<Cell, R> work;
    // Readers: cells that share the machine. The writer: a cell that runs alone. Fair, so a waiting
    // lone cell is not overtaken by cells queued after it.
    private final ReadWriteLock machine = new ReentrantReadWriteLock(true);
    private final AtomicInteger running = new AtomicInteger();

    CellScheduler(int parallel, Predicate<Cell> alone, Function<Cell, R> work) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
        }
        this.parallel = parallel;
        this.alone = alone;
        this.work = work;
    }

    /** How many cells are running right now (for the progress line). */
    int running() {
        return running.get();
    }

    /** The order cells start in: plan order, the ones that run alone last. */
    static List<Cell> startOrder(List<Cell> cells, Predicate<Cell> alone) {
        List<Cell> order = new ArrayList<>(cells.stream().filter(alone.negate()).toList());
        order.addAll(cells.stream().filter(alone).toList());
        return order;
    }

    /**
     * Starts every cell (the first {@code parallel} at once, the next as one finishes) and returns
     * each cell's future in the order given. A cell whose work throws completes exceptionally.
     */
    Map<Cell, CompletableFuture<R>> start(List<Cell> cells) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "wsbed-cell");
            t.setDaemon(true);
            return t;
        });
        Map<Cell, CompletableFuture<R>> futures = new LinkedHashMap<>();
        cells.forEach(c -> futures.put(c, new CompletableFuture<>()));
        for (Cell c : startOrder(cells, alone)) {
            CompletableFuture<R> f = futures.get(c);
            pool.execute(() -> runOne(c, f));
        }
        pool.shutdown(); // the queued cells still run; the threads end after the last one
        return futures;
    }

    private void runOne(Cell cell, CompletableFuture<R> result) {
        var lock = alone.test(cell) ? machine.writeLock() : machine.readLock();
        try {
            // Bounded like every wait; a cell's own steps are bounded far below this.
            if (!lock.tryLock(LOCK_BOUND.toMinutes(), TimeUnit.MINUTES)) {
                result.completeExceptionally(new HarnessException(cell.displayName() + " waited more than "
                        + LOCK_BOUND.toMinutes() + " min for its turn: a cell before it hangs"));
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
            return;
        }
        running.incrementAndGet();
        try {
            result.complete(work.apply(cell));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        } finally {
            running.decrementAndGet();
            lock.unlock();
        }
    }
}
