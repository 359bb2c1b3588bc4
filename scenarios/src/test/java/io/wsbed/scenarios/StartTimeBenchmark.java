package io.wsbed.scenarios;

import io.wsbed.harness.run.Settings;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StackDescriptor;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.stack.StartArchive;
import io.wsbed.harness.stack.StartArchives;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.Timeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-to-ready time of every Java stack in every role it has, without and with its start archive
 * (AppCDS), alternated launch by launch so that machine noise falls on both alike:
 * {@code wsbed.bench.runs} launches each (default 9). Launch-to-ready is measured as the matrix
 * measures process_start_ms: from the harness's launch to the time stamp of the stack's ready
 * line. Prints medians and the ratio, and writes them to target/start-benchmark.txt. A benchmark,
 * not a test: it asserts nothing about time, and runs only when named:
 *
 * <pre>mvn -q -o -pl scenarios -am test -Dtest=StartTimeBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class StartTimeBenchmark {

    @Test
    void startsEveryStackWithAndWithoutItsArchive(@TempDir Path logs) throws IOException {
        int runs = Integer.getInteger("wsbed.bench.runs", 9);
        Settings settings = Settings.fromSystemProperties();
        StackCatalog catalog = StackCatalog.discover(settings.root());
        Map<String, StackInfo> infos = catalog.describe(catalog.ids(), logs);
        Map<String, Set<String>> roles = new TreeMap<>();
        infos.values().forEach(i -> roles.put(i.id(), new TreeSet<>(i.roles())));
        StartArchives archives = StartArchives.prepare(catalog, roles,
                Map.of("server", settings.referenceClient(), "client", settings.referenceServer()), logs);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d launches each, alternated; %d cores; %s", runs,
                Runtime.getRuntime().availableProcessors(), archives.describe()));
        lines.add("stack role: median ms without archive, with archive, ratio (every launch: without | with)");
        Timeline peerTimeline = new Timeline(Clock.systemUTC());
        try (RunningStack peer = RunningStack.launch(catalog.require(settings.referenceServer()), "server",
                List.of("--port", "0", "--tick-ms", "0"), "peer", logs, peerTimeline, Optional.empty())) {
            peer.awaitReady(Duration.ofSeconds(30));
            int port = peer.port();
            roles.forEach((id, rs) -> rs.forEach(role -> {
                StackDescriptor stack = catalog.require(id);
                Optional<StartArchive> archive = archives.of(id, role);
                List<Long> plain = new ArrayList<>();
                List<Long> shared = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    plain.add(readyMs(stack, role, port, logs, Optional.empty()));
                    if (archive.isPresent()) {
                        shared.add(readyMs(stack, role, port, logs, archive));
                    }
                }
                long a = median(plain);
                long b = shared.isEmpty() ? -1 : median(shared);
                lines.add(String.format(Locale.ROOT, "%s %s: %d ms, %s, %s   (%s | %s)", id, role, a,
                        b < 0 ? "no archive" : b + " ms", b < 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) b / a),
                        plain, shared));
            }));
        }
        lines.forEach(System.out::println);
        Files.write(Path.of("target", "start-benchmark.txt"), lines);
    }

    private static long readyMs(StackDescriptor stack, String role, int port, Path logs, Optional<StartArchive> archive) {
        Timeline timeline = new Timeline(Clock.systemUTC());
        List<String> options = role.equals("server") ? List.of("--port", "0", "--tick-ms", "0")
                : List.of("--url", "ws://127.0.0.1:" + port + "/ws", "--send-ms", "0", "--reconnect", "none");
        try (RunningStack p = RunningStack.launch(stack, role, options, role, logs, timeline, archive)) {
            Event ready = p.awaitReady(Duration.ofSeconds(30));
            return Math.round((ready.tMicros() - p.launchedMicros()) / 1000.0);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
