package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsbed.harness.check.CellCheck;
import io.wsbed.harness.check.HandshakeTime;
import io.wsbed.harness.check.Outcome;
import io.wsbed.harness.infra.LocalInfrastructure;
import io.wsbed.harness.process.StartGate;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Scenario;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.schedule.CellContext;
import io.wsbed.harness.schedule.ScheduleRunner;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StartArchives;
import io.wsbed.harness.timeline.Timeline;
import io.wsbed.harness.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wss path end to end with the reference pair (jetty x jdk): nginx terminates TLS with the
 * run's certificate, the client trusts it through --ca-file, and the cell is judged like any
 * other. server-crash reconnects through TLS; nginx-reload re-renders the config, so the new
 * workers must still speak TLS. Whatever the verdict, it is a finding; only a harness failure
 * (ERROR) or a connection that did not ride on TLS fails here.
 */
class WssCellIT {

    @Test
    void serverCrashAndNginxReloadRunOverTls(@TempDir Path logs) throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Timings timings = Timings.scaled(settings.windowMs());
        StackCatalog catalog = StackCatalog.discover(settings.root());
        try (LocalInfrastructure infra = new LocalInfrastructure(settings.root(), null, null, 1)) {
            assumeTrue(infra.wssMissing().isEmpty(), () -> infra.wssMissing().orElse(""));
            for (String id : List.of("server-crash", "nginx-reload")) {
                Scenario scenario = Scenarios.create(id);
                Cell cell = new Cell(id, "jetty", "jdk", Profile.DEFAULT, NetworkPath.WSS);
                Timeline timeline = new Timeline(Clock.systemUTC());
                Path dir = Files.createDirectories(logs.resolve(id));
                try (CellContext ctx = new CellContext(cell, catalog.require("jetty"), catalog.require("jdk"), timings,
                        timeline, dir, 1, infra, new StartGate(1), StartArchives.NONE)) {
                    ScheduleRunner.run(ctx, scenario.setup(), scenario.schedule(timings));
                }
                Outcome o = CellCheck.check(scenario, cell, timings, TimelineEntry.relative(timeline.snapshot()));
                assertNotEquals(Verdict.ERROR, o.judgement().verdict(), id + ": " + o.judgement().reason() + "; logs " + dir);
                assertTrue(o.metrics().get(HandshakeTime.METRIC) instanceof Number, id + ": " + o.metrics());

                // The listener only speaks TLS: an open session came through it. nginx logs a tunnel
                // when it ends, so only a session the crash ended is in the access log by now.
                assertTrue(Files.readString(dir.resolve("nginx").resolve("nginx.conf")).contains(" ssl;"), id);
                List<String> upgrades = Files.readAllLines(dir.resolve("nginx").resolve("nginx-access.log")).stream()
                        .filter(l -> l.contains("\" 101 ")).toList();
                assertTrue(!id.equals("server-crash") || !upgrades.isEmpty(), id + ": no upgrade logged; logs " + dir);
                assertEquals(List.of(), upgrades.stream().filter(l -> !l.contains("tls=TLSv1.")).toList(),
                        id + ": every upgrade rode on TLS");
            }
        }
    }
}
