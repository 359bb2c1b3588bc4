package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outlives a run with cells side by side: {@code wsbed run --parallel 3} is started as its
 * own process on cells that hold stacks, nginx and Toxiproxy proxies for seconds; once three cells
 * run side by side (six stack processes in a server or client role, and nginx), it gets Ctrl-C
 * (SIGINT), SIGTERM or SIGKILL, and every process it had must be gone soon after.
 */
class InterruptedConcurrentRunIT {
    private static final Duration BOUND = Duration.ofSeconds(90);

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void aSignalledConcurrentRunLeavesNoProcessBehind(String signal, @TempDir Path report) throws Exception {
        Process run = HarnessRun.start(report, "--stacks", "jetty,undertow,tyrus", "--scenarios",
                "nginx-idle-timeout,latency-spike", "--profiles", "default", "--parallel", "3", "--capture", "off",
                "--no-baseline");
        List<ProcessHandle> seen = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline && run.isAlive()) {
                List<ProcessHandle> now = run.toHandle().descendants().toList();
                long stacks = now.stream().filter(p -> role(p, " server ") || role(p, " client ")).count();
                boolean nginx = now.stream().anyMatch(p -> p.info().command().orElse("").endsWith("nginx"));
                if (stacks >= 6 && nginx) {
                    seen.addAll(now);
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(!seen.isEmpty(), "the run never had three cells running side by side (see "
                    + HarnessRun.log(report) + ")");
            List<String> left = HarnessRun.signalAndSurvivors(run, signal, seen);
            assertEquals(List.of(), left, "processes of the run outlived its SIG" + signal);
        } finally {
            run.destroyForcibly();
            seen.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A stack process in a role (not an info query): "... io.wsbed.stack.X server --port ...". */
    private static boolean role(ProcessHandle p, String role) {
        String line = p.info().commandLine().orElse("");
        return line.contains("io.wsbed.stack.") && line.contains(role);
    }
}
