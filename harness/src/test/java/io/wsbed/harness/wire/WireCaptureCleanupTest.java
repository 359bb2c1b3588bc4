package io.wsbed.harness.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.ChildReport;
import io.wsbed.harness.process.ProcessRegistry;
import io.wsbed.harness.process.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump ignores its stdin, so nothing but its watchdog ends it when the harness dies: a capture
 * stopped by the harness leaves no process, one whose harness JVM is killed (SIGKILL, SIGTERM)
 * dies with it, and a running capture is registered for the shutdown hook.
 */
class WireCaptureCleanupTest {
    private static final Duration CHILD_READY = Duration.ofSeconds(30);
    private static final Duration GONE = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void aStoppedCaptureLeavesNoProcessAndWasRegisteredWhileItRan() {
        CaptureMode mode = Captured.requireTcpdump();
        int before = ProcessRegistry.aliveCount();
        WireCapture capture = WireCapture.start(mode.tcpdump(), dir);
        List<ProcessHandle> tree = capture.tree();
        assertTrue(holdsTcpdump(tree), "the watchdog (a shell and its pipe watcher) and tcpdump: " + ProcessTree.pids(tree));
        assertEquals(before + 1, ProcessRegistry.aliveCount(), "the capture is a registered child");

        WireCapture.Stats stats = capture.stop();

        assertEquals(List.of(), ProcessTree.awaitGone(tree, GONE), "still running after stop()");
        assertEquals(0, stats.droppedByKernel(), "tcpdump ended gracefully and printed its counts");
        assertTrue(Files.isRegularFile(stats.file()), "the capture file");
        assertEquals(stats, capture.stop(), "stop is idempotent");
    }

    @Test
    void tcpdumpDiesWithAHarnessKilledBySigkill() throws Exception {
        assertCaptureDiesWithItsJvm(true);
    }

    @Test
    void tcpdumpDiesWithAHarnessEndedBySigterm() throws Exception {
        assertCaptureDiesWithItsJvm(false);
    }

    private void assertCaptureDiesWithItsJvm(boolean sigkill) throws Exception {
        CaptureMode mode = Captured.requireTcpdump();
        Path out = dir.resolve("child.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CaptureChildMain.class.getName(), mode.tcpdump().toString(), dir.resolve("logs").toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            for (String pid : ChildReport.await(child, out, CaptureChildMain.READY, CHILD_READY)) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(tree::add);
            }
            assertTrue(holdsTcpdump(tree), "watchdog and tcpdump run before the kill: " + ProcessTree.pids(tree));
            if (sigkill) {
                child.destroyForcibly();
            } else {
                child.destroy();
            }
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the child JVM ended");
            assertEquals(List.of(), ProcessTree.awaitGone(tree, GONE).stream().map(ProcessHandle::pid).toList(),
                    "processes of the capture outlived a SIG" + (sigkill ? "KILL" : "TERM") + " of their harness");
        } finally {
            child.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean holdsTcpdump(List<ProcessHandle> tree) {
        return tree.size() >= 2 && tree.stream().anyMatch(p -> p.info().command().orElse("").endsWith("/tcpdump"));
    }
}
