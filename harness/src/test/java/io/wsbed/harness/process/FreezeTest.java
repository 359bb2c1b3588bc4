package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A freeze stops a whole process tree (a shell with a background child, as a launcher with its
 * JVM) and continues it however it ends: its own thaw, or {@link Freeze#thawAll()} from the
 * shutdown hook. (FrozenRunSignalIT kills a whole harness mid-freeze.)
 */
class FreezeTest {
    private Process tree;

    @AfterEach
    void killTree() {
        Freeze.thawAll();
        if (tree != null) {
            ProcessRegistry.killTree(tree.toHandle());
        }
    }

    @Test
    void aFreezeStopsTheWholeTreeAndTheThawContinuesIt() throws Exception {
        List<Long> pids = startTree();

        try (Freeze f = Freeze.stop("test", tree.toHandle())) {
            assertEquals(pids.size(), f.pids().size(), "every process of the tree is held: " + f.pids());
            assertTrue(awaitState(pids, 'T'), "stopped: " + states(pids));
            f.thaw();
            assertFalse(f.frozen());
            assertTrue(awaitNotState(pids, 'T'), "continued: " + states(pids));
        }
        assertEquals(0, Freeze.activeCount());
    }

    @Test
    void theShutdownHooksThawContinuesEveryTreeStillHeld() throws Exception {
        List<Long> pids = startTree();
        Freeze f = Freeze.stop("test", tree.toHandle());
        assertTrue(awaitState(pids, 'T'), "stopped: " + states(pids));

        // What the shutdown hook runs: continue every held tree, then kill the registered children
        // (this tree is not registered, so it must be left running, no longer stopped).
        ProcessRegistry.killAll();

        assertFalse(f.frozen());
        assertEquals(0, Freeze.activeCount());
        assertTrue(awaitState(pids, 'S'), "continued, still running: " + states(pids));
        f.close(); // its watchdog is let go; the thaw is not repeated
    }

    /** sh with a background sleep, both running. */
    private List<Long> startTree() throws IOException, InterruptedException {
        tree = new ProcessBuilder("sh", "-c", "sleep 60 & sleep 60; :").start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Long> pids = List.of();
        while (System.nanoTime() < deadline) {
            pids = ProcessTree.snapshot(tree.toHandle()).stream().map(ProcessHandle::pid).toList();
            if (pids.size() >= 3) {
                return pids;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the test tree never had its three processes: " + pids);
    }

    private static boolean awaitState(List<Long> pids, char state) throws InterruptedException {
        return await(() -> pids.stream().allMatch(p -> state(p) == state));
    }

    private static boolean awaitNotState(List<Long> pids, char state) throws InterruptedException {
        return await(() -> pids.stream().noneMatch(p -> state(p) == state));
    }

    private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    private static String states(List<Long> pids) {
        return pids.stream().map(p -> p + ":" + state(p)).toList().toString();
    }

    /** The state letter of /proc/pid/stat ('T' stopped), or '-' when gone. */
    private static char state(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2);
        } catch (IOException e) {
            return '-';
        }
    }
}
