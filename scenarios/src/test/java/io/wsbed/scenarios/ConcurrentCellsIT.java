package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.infra.LocalInfrastructure;
import io.wsbed.harness.process.StartGate;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.ServerLoss;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.schedule.CellContext;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.ScheduleRunner;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StartArchives;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.Timeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cells side by side share nothing: a server killed by one cell's schedule leaves the processes of
 * the cell running beside it alone. Cell A runs server-crash (SIGKILL to its server, then a
 * restart on the same port); cell B, started at the same moment with the same stacks, only lets
 * messages flow. B must see no close, no error and no exit while A kills and restarts, and its
 * messages must keep arriving after A's kill.
 */
class ConcurrentCellsIT {

    @Test
    void aKillInOneCellLeavesTheOtherCellsProcessesAlone(@TempDir Path logs) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        StackCatalog catalog = StackCatalog.discover(settings.root());
        Timings timings = Timings.scaled(settings.windowMs());
        Scenario crash = ServerLoss.crash();
        StartGate gate = new StartGate(2, java.time.Duration.ofMillis(300)); // quiet windows as in a default run
        try (LocalInfrastructure infra = new LocalInfrastructure(settings.root(), null, null, 1)) {
            Cell a = new Cell("server-crash", "jetty", "jdk", Profile.DEFAULT, NetworkPath.DIRECT);
            Cell b = new Cell("server-crash", "jetty", "jdk", Profile.HEARTBEAT, NetworkPath.DIRECT);
            Timeline ta = new Timeline(Clock.systemUTC());
            Timeline tb = new Timeline(Clock.systemUTC());
            CellContext ca = new CellContext(a, catalog.require("jetty"), catalog.require("jdk"), timings, ta,
                    Files.createDirectories(logs.resolve("a")), 1, infra, gate, StartArchives.NONE);
            CellContext cb = new CellContext(b, catalog.require("jetty"), catalog.require("jdk"), timings, tb,
                    Files.createDirectories(logs.resolve("b")), 2, infra, gate, StartArchives.NONE);
            try (ca; cb) {
                // B holds its session for longer than A takes to kill, restart and see its client back.
                CompletableFuture<Void> runB = CompletableFuture.runAsync(() ->
                        ScheduleRunner.run(cb, crash.setup(), List.of(new Pause(timings.windowMs()))));
                ScheduleRunner.run(ca, crash.setup(), crash.schedule(timings));
                runB.get(2, TimeUnit.MINUTES);
            }
            long killedAt = ta.first(e -> e.source().equals("harness") && e.ev().equals("fault")).orElseThrow().tMicros();
            long restartedAt = ta.first(e -> e.source().equals("server-2") && e.ev().equals("ready")).orElseThrow().tMicros();
            long bEnd = tb.first(e -> e.source().equals("harness") && e.ev().equals("observed")).orElseThrow().tMicros();
            assertTrue(bEnd > restartedAt, "B must still be running when A's server is back");

            List<Event> bTrouble = tb.snapshot().stream().filter(e -> !e.source().equals("harness") && e.tMicros() <= bEnd
                    && List.of("close", "error", "exit", "reconnect").contains(e.ev())).toList();
            assertEquals(List.of(), bTrouble, "B's processes saw something while A killed its server");
            for (String side : List.of("client-1", "server-1")) {
                long after = tb.snapshot().stream().filter(e -> e.source().equals(side) && e.ev().equals("recv")
                        && e.tMicros() > restartedAt).count();
                assertTrue(after >= 3, side + " of B received " + after + " messages after A's restart (kill at "
                        + killedAt + ")");
            }
        }
    }
}
