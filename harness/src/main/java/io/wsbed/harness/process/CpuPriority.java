package io.wsbed.harness.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who gets the CPU first while cells run side by side. A process that starts while other cells are
 * measuring starts at a lower priority and gets the normal one back once it is ready: a JVM's
 * start keeps the CPU busy for a few hundred milliseconds, and a stack in another cell that is
 * about to notice a fault would wait behind it. A cell inside its quiet window after a fault
 * ({@link QuietWindows}) gets a higher one for the window: its stacks then notice the fault about
 * as fast as with the machine to themselves, whatever the neighbours' processes are busy with.
 *
 * <p>Linux keeps a priority per thread, so every thread of a process (and of its children) is
 * changed. Raising a priority takes root; where a change fails, the process keeps the priority it
 * has, like every other process started the same way.
 */
public final class CpuPriority {
    /** nice(1)'s increment for a starting process. */
    static final int STARTING = 10;
    /** The nice value of a cell's processes inside its quiet window. */
    static final int MEASURING = -20;
    private static final boolean AVAILABLE = Executables.find("nice").isPresent() && Executables.find("renice").isPresent();
    private static final Duration RENICE_BOUND = Duration.ofSeconds(2);
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wsbed-cpu-priority");
        t.setDaemon(true);
        return t;
    });

    private CpuPriority() {
    }

    /** The command prefixed to run at the lower priority (unchanged where nice is missing). */
    public static List<String> lowered(List<String> command) {
        if (!AVAILABLE) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of("nice", "-n", Integer.toString(STARTING)));
        out.addAll(command);
        return out;
    }

    /** Gives every thread of the process the normal priority back (bounded; failures leave it lowered). */
    public static void restore(long pid) {
        renice(threads(List.of(pid)), 0);
    }

    /**
     * Raises every thread of the processes and their children for {@code window}, then gives them
     * the normal priority back (threads born in between inherit the raised one and are included).
     */
    public static void raiseFor(List<Long> pids, Duration window) {
        if (!AVAILABLE || pids.isEmpty()) {
            return;
        }
        List<Long> tree = pids.stream().flatMap(pid -> ProcessHandle.of(pid).stream())
                .flatMap(h -> ProcessTree.snapshot(h).stream()).map(ProcessHandle::pid).toList();
        renice(threads(tree), MEASURING);
        LATER.schedule(() -> renice(threads(tree), 0), window.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The thread ids of the processes that are still there. */
    private static List<String> threads(List<Long> pids) {
        List<String> ids = new ArrayList<>();
        for (long pid : pids) {
            try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                tasks.forEach(t -> ids.add(t.getFileName().toString()));
            } catch (IOException e) {
                // gone already
            }
        }
        return ids;
    }

    private static void renice(List<String> threads, int nice) {
        if (!AVAILABLE || threads.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        cmd.addAll(threads);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(RENICE_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // renice could not run: the threads keep their priority.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
