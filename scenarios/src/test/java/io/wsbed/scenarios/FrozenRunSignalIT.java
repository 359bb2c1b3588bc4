package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No stopped process outlives the harness: {@code wsbed run} of a cell that holds a stack with
 * SIGSTOP (frozen-server: the server; slow-consumer: the client) is started as its own process;
 * once a stack process is stopped (state T in /proc), the harness gets SIGTERM (its shutdown hook
 * continues and kills) or SIGKILL (no hook runs: the thaw watchdog sends SIGCONT and the continued
 * stack sees its stdin closed), and every process it had, the stopped one and the watchdog
 * included, must be gone soon after.
 */
class FrozenRunSignalIT {
    private static final Duration BOUND = Duration.ofSeconds(90);

    @ParameterizedTest
    @CsvSource({"frozen-server, TERM", "frozen-server, KILL", "slow-consumer, KILL"})
    void aHarnessSignalledMidFreezeLeavesNoProcessBehind(String scenario, String signal, @TempDir Path report)
            throws Exception {
        Process run = HarnessRun.start(report, "--stacks", "jetty", "--scenarios", scenario, "--profiles", "default",
                "--parallel", "1", "--capture", "off", "--no-baseline");
        Path log = HarnessRun.log(report);
        List<ProcessHandle> seen = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (System.nanoTime() < deadline && run.isAlive()) {
                List<ProcessHandle> now = run.toHandle().descendants().toList();
                boolean stopped = now.stream().anyMatch(p -> state(p.pid()) == 'T'
                        && p.info().commandLine().orElse("").contains("io.wsbed.stack."));
                if (stopped) {
                    seen.addAll(now);
                    break;
                }
                Thread.sleep(50);
            }
            assertTrue(!seen.isEmpty(), "the run never held a stack stopped (see " + log + ")");
            List<String> left = HarnessRun.signalAndSurvivors(run, signal, seen);
            assertEquals(List.of(), left, "processes of the run outlived its SIG" + signal + " mid-freeze");
        } finally {
            run.destroyForcibly();
            seen.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The state letter in /proc/pid/stat ('T' stopped, 'Z' zombie), or '-' when gone. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '-';
        }
    }
}
