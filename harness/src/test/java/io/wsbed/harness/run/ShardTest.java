package io.wsbed.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class ShardTest {
    private static final List<Cell> PLAN = plan();
    private static final ToLongFunction<Cell> COST = c -> c.scenario().equals("long") ? 7_500 : 2_000;

    @Test
    void theShardsHoldEveryCellExactlyOnceInPlanOrder() {
        for (int n = 1; n <= 7; n++) {
            List<Cell> all = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                List<Cell> mine = new Shard(i, n).select(PLAN, COST);
                assertEquals(mine.stream().sorted((a, b) -> PLAN.indexOf(a) - PLAN.indexOf(b)).toList(), mine);
                all.addAll(mine);
            }
            assertEquals(PLAN.size(), all.size(), "n=" + n);
            assertEquals(new HashSet<>(PLAN), new HashSet<>(all), "n=" + n);
        }
    }

    @Test
    void theSplitIsTheSameEveryTimeAndBalancedByExpectedTime() {
        assertEquals(new Shard(2, 4).select(PLAN, COST), new Shard(2, 4).select(PLAN, COST));
        long total = PLAN.stream().mapToLong(COST).sum();
        for (int i = 1; i <= 4; i++) {
            long mine = new Shard(i, 4).select(PLAN, COST).stream().mapToLong(COST).sum();
            // Longest first, each to the least loaded: no shard exceeds its share by more than one cell.
            assertTrue(Math.abs(mine - total / 4) <= 7_500, "shard " + i + ": " + mine + " of " + total);
        }
    }

    @Test
    void badFormsAreOneLineErrorsNamingTheValidForm() {
        for (String bad : List.of("3/2", "0/4", "x", "1/0", "-1/2", "1/2/3", "")) {
            HarnessException e = assertThrows(HarnessException.class, () -> Shard.parse("wsbed.shard", bad));
            assertTrue(e.getMessage().contains("must be i/n with 1 <= i <= n, e.g. 2/4"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertEquals(new Shard(2, 4), Shard.parse("wsbed.shard", " 2/4 "));
    }

    private static List<Cell> plan() {
        List<Cell> cells = new ArrayList<>();
        Set<String> servers = Set.of("jetty", "undertow", "tyrus");
        for (String scenario : List.of("short", "long", "mid")) {
            for (String server : servers.stream().sorted().toList()) {
                for (Profile p : Profile.values()) {
                    cells.add(new Cell(scenario, server, "jdk", p, NetworkPath.DIRECT));
                }
            }
        }
        return cells;
    }
}
