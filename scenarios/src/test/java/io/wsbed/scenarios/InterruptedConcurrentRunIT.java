package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.run.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outlives a run with cells side by side: {@code wsbed run --parallel 3} is started as its
 * own process on cells that hold stacks, nginx and Toxiproxy proxies for seconds; once it has at
 * least seven processes of its own running (three cells' stacks and an nginx), it gets Ctrl-C
 * (SIGINT), SIGTERM or SIGKILL, and every one of those processes must be gone soon after.
 */
class InterruptedConcurrentRunIT {
    private static final Duration BOUND = Duration.ofSeconds(90);

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM", "KILL"})
    void aSignalledConcurrentRunLeavesNoProcessBehind(String signal, @TempDir Path report) throws Exception {
        Path root = Settings.fromSystemProperties().root();
        String classpath = root.resolve("harness/target/classes") + ":"
                + Files.readString(root.resolve("harness/target/classpath.txt")).strip();
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dwsbed.root=" + root, "-cp", classpath, "io.wsbed.harness.cli.WsbedCli", "run",
                "--stacks", "jetty,undertow,tyrus", "--scenarios", "nginx-idle-timeout,latency-spike",
                "--profiles", "default", "--parallel", "3", "--capture", "off", "--no-baseline",
                "--report-dir", report.toString())
                .redirectErrorStream(true).redirectOutput(report.resolveSibling(report.getFileName() + ".log").toFile())
                .start();
        List<ProcessHandle> seen = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline && run.isAlive()) {
                List<ProcessHandle> now = run.toHandle().descendants().toList();
                if (now.size() >= 7) {
                    seen.addAll(now);
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(seen.size() >= 7, "the run never had seven processes of its own running (see "
                    + report.resolveSibling(report.getFileName() + ".log") + ")");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -" + signal);
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "the run ended after SIG" + signal);
            long gone = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            List<String> left = alive(seen);
            while (!left.isEmpty() && System.nanoTime() < gone) {
                Thread.sleep(50);
                left = alive(seen);
            }
            assertEquals(List.of(), left, "processes of the run outlived its SIG" + signal);
        } finally {
            run.destroyForcibly();
            seen.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Those still alive and not zombies, with their command lines. */
    private static List<String> alive(List<ProcessHandle> processes) {
        List<String> out = new ArrayList<>();
        for (ProcessHandle p : processes) {
            if (p.isAlive() && !zombie(p.pid())) {
                out.add(p.pid() + " " + p.info().commandLine().orElse("?"));
            }
        }
        return out;
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException e) {
            return true; // gone from /proc: reaped
        }
    }
}
