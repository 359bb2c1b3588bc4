package io.wsbed.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The scheduler's promises, with cells that only sleep: at most N at once, lone cells alone, results per cell. */
class CellSchedulerTest {
    private static final Predicate<Cell> STORM = c -> c.scenario().equals("storm");

    @Test
    void runsAtMostNAtOnceAndLoneCellsWithNothingBeside() throws Exception {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            cells.add(cell(i % 4 == 1 ? "storm" : "plain", "s" + i));
        }
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        CellScheduler<String> scheduler = new CellScheduler<>(3, STORM, c -> {
            int running = now.incrementAndGet();
            most.accumulateAndGet(running, Math::max);
            try {
                Thread.sleep(30);
                if (STORM.test(c) && now.get() != 1) {
                    violations.add(c.server() + " ran beside " + (now.get() - 1) + " others");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                now.decrementAndGet();
            }
            return c.server();
        });
        var futures = scheduler.start(cells);
        for (Cell c : cells) {
            assertEquals(c.server(), futures.get(c).get(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of(), violations);
        assertEquals(3, most.get());
        assertEquals(List.copyOf(cells), List.copyOf(futures.keySet()), "futures in plan order");
    }

    @Test
    void loneCellsStartAfterTheOthersSoTheMachineEmptiesOnce() {
        List<Cell> cells = List.of(cell("storm", "a"), cell("plain", "b"), cell("storm", "c"), cell("plain", "d"));
        assertEquals(List.of("b", "d", "a", "c"),
                CellScheduler.startOrder(cells, STORM).stream().map(Cell::server).toList());
    }

    @Test
    void aCellThatThrowsCompletesExceptionallyAndTheOthersStillRun() throws Exception {
        List<Cell> cells = List.of(cell("plain", "ok-1"), cell("plain", "boom"), cell("plain", "ok-2"));
        var futures = new CellScheduler<String>(2, STORM, c -> {
            if (c.server().equals("boom")) {
                throw new IllegalStateException("broken harness");
            }
            return c.server();
        }).start(cells);
        CompletableFuture<String> boom = futures.get(cells.get(1));
        assertTrue(boom.handle((v, t) -> t != null).get(5, TimeUnit.SECONDS));
        assertEquals("ok-2", futures.get(cells.get(2)).get(5, TimeUnit.SECONDS));
    }

    private static Cell cell(String scenario, String server) {
        return new Cell(scenario, server, "jdk", Profile.DEFAULT, NetworkPath.DIRECT);
    }
}
