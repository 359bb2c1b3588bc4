package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cell's processes get the CPU first for its window and the normal priority back after it; a
 * start runs lower until restored. Read back from /proc, the kernel's own word. Raising takes
 * root: elsewhere the test is skipped, not passed.
 */
class CpuPriorityTest {

    @Test
    void aProcessIsRaisedForTheWindowThenGivenTheNormalPriorityBack() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "raising a priority takes root");
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            CpuPriority.raiseFor(List.of(sleeper.pid()), Duration.ofMillis(500));
            assertEquals(CpuPriority.MEASURING, nice(sleeper.pid()), "inside the window");
            assertEquals(0, awaitNice(sleeper.pid(), 0, Duration.ofSeconds(10)), "after the window");
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLoweredStartGetsTheNormalPriorityBack() throws Exception {
        assumeTrue(Executables.find("nice").isPresent(), "nice is not installed");
        Process sleeper = new ProcessBuilder(CpuPriority.lowered(List.of("sleep", "30"))).start();
        try {
            assertEquals(CpuPriority.STARTING, awaitNice(sleeper.pid(), CpuPriority.STARTING, Duration.ofSeconds(10)),
                    "while starting");
            assumeTrue("root".equals(System.getProperty("user.name")), "raising it back takes root");
            CpuPriority.restore(sleeper.pid());
            assertEquals(0, nice(sleeper.pid()), "once ready");
        } finally {
            sleeper.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Polls until the nice value is the one expected or the bound passes; returns the last value read. */
    private static int awaitNice(long pid, int expected, Duration bound) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        int n = nice(pid);
        while (n != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            n = nice(pid);
        }
        return n;
    }

    /** Field 19 of /proc/PID/stat (after the parenthesised command name). */
    private static int nice(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
