package io.wsbed.harness.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Timeline;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing the harness starts outlives it: not a stack that hangs on start, not an interrupted or killed run. */
class ChildCleanupTest {
    @TempDir
    Path logs;

    @Test
    void aStackThatHangsOnStartFailsTheWaitAndIsKilled() throws Exception {
        RunningStack hung = RunningStack.launch(TestChildren.descriptor(TestChildren.Hanging.class), "server", List.of(),
                "server-1", logs, new Timeline(Clock.systemUTC()), java.util.Optional.empty());
        var e = assertThrows(RunningStack.NotReadyException.class, () -> hung.awaitReady(Duration.ofMillis(800)));
        assertTrue(e.getMessage().contains("did not become ready in time"), e.getMessage());
        hung.close();
        assertTrue(hung.awaitExit(ChildProcess.EXIT_GRACE.plusSeconds(3)),
                "a child that ignores stdin is killed once the exit grace has passed");
    }

    @Test
    void childrenDieWhenTheRunIsInterrupted() throws Exception {
        assertChildrenGoneAfter("INT", 2);
    }

    @Test
    void aChildFollowingTheContractDiesWhenTheRunIsKilled() throws Exception {
        // SIGKILL runs no shutdown hook: the contract child exits because its stdin closed.
        assertChildrenGoneAfter("KILL", 1);
    }

    private void assertChildrenGoneAfter(String signal, int childrenThatMustDie) throws Exception {
        Process parent = new ProcessBuilder(TestChildren.javaCommand(TestChildren.Parent.class).get(0), "-cp",
                System.getProperty("java.class.path"), TestChildren.Parent.class.getName(), logs.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> pids;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && !line.isBlank(), "the parent printed its children's pids");
            pids = Arrays.stream(line.trim().split(" ")).map(Long::parseLong).toList();
            assertEquals(2, pids.size());
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(parent.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -" + signal);
            assertTrue(parent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the parent ended");
            for (int i = 0; i < childrenThatMustDie; i++) {
                long pid = pids.get(i);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (alive(pid) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertFalse(alive(pid), "child " + pid + " outlived a SIG" + signal + " of its harness");
            }
        } finally {
            parent.destroyForcibly();
            // The hanging child cannot notice a SIGKILLed harness; do not leave it behind either.
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(TestChildren.class.getName()))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Alive and not a zombie (ProcessHandle.isAlive is true for zombies). */
    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true; // gone from /proc: reaped
        }
    }
}
