package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one watchdog, with {@code sleep} standing in for nginx: what it guards ends when the pipe
 * closes, the action runs first, and a command that ends by itself takes the watchdog along.
 * (NginxWatchdogTest kills a whole JVM with real nginx.)
 */
class WatchdogTest {
    private static final Duration SHORT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void closingThePipeEndsTheGuardedCommandAndItsChildren() {
        // sh -c with a background sleep: a child that would outlive its parent, like an nginx worker.
        Watchdog w = Watchdog.start("test watchdog", List.of("sh", "-c", "sleep 60 & sleep 60; :"), "",
                ProcessBuilder.Redirect.appendTo(dir.resolve("out").toFile()));
        List<Long> tree = awaitTree(w, 5);

        w.close();
        w.close(); // idempotent

        assertTrue(tree.stream().noneMatch(ProcessTree::isRunning), "still running of " + tree);
    }

    @Test
    void theActionRunsWhenThePipeCloses() throws Exception {
        Path mark = dir.resolve("mark");
        Watchdog w = Watchdog.start("test watchdog", List.of(), "echo removed > '" + mark + "'",
                ProcessBuilder.Redirect.appendTo(dir.resolve("out").toFile()));

        w.close();

        assertEquals("removed", Files.readString(mark).strip(), "the action ran before the watchdog ended");
        assertFalse(w.isAlive());
    }

    @Test
    void aCommandThatEndsByItselfEndsTheWatchdogWithItsExitCode() {
        Watchdog w = Watchdog.start("test watchdog", List.of("sh", "-c", "exit 7"), "",
                ProcessBuilder.Redirect.appendTo(dir.resolve("out").toFile()));

        assertTrue(w.awaitExit(SHORT), "the watchdog ends with its command");
        assertEquals(7, w.exitCode());
        w.close();
    }

    /** The watchdog, its pipe reader and the command's processes, once all have started. */
    private static List<Long> awaitTree(Watchdog w, int size) {
        long deadline = System.nanoTime() + SHORT.toNanos();
        List<Long> tree = w.treePids();
        while (tree.size() < size && System.nanoTime() < deadline) {
            ProcessTree.sleep(Duration.ofMillis(10));
            tree = w.treePids();
        }
        assertEquals(size, tree.size(), "watchdog, pipe reader, sh and two sleeps: " + tree);
        return tree;
    }
}
