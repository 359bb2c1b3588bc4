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
 * own process on cells that hold stacks, nginx and Toxiproxy proxies for seconds; once three cells
 * run side by side (six stack processes in a server or client role, and nginx), it gets Ctrl-C
 * (SIGINT), SIGTERM or SIGKILL, and every process it had must be gone soon after.
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
                "-Dwsbed.root=" + root, "-Dwsbed.cds=off", "-cp", classpath, "io.wsbed.harness.cli.WsbedCli", "run",
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
                long stacks = now.stream().filter(p -> role(p, " server ") || role(p, " client ")).count();
                boolean nginx = now.stream().anyMatch(p -> p.info().command().orElse("").endsWith("nginx"));
                if (stacks >= 6 && nginx) {
                    seen.addAll(now);
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(!seen.isEmpty(), "the run never had three cells running side by side (see "
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

    /** A stack process in a role (not an info query): "... io.wsbed.stack.X server --port ...". */
    private static boolean role(ProcessHandle p, String role) {
        String line = p.info().commandLine().orElse("");
        return line.contains("io.wsbed.stack.") && line.contains(role);
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
