package io.wsbed.harness.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small helpers to kill a process tree and to tell whether a process really still runs.
 *
 * <p>{@link ProcessHandle#isAlive()} is true for a zombie, and an nginx worker orphaned by a
 * killed master stays a zombie until init reaps it, so "running" here also reads the state in
 * {@code /proc/<pid>/stat}.
 */
public final class ProcessTree {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTree.class);
    private static final Duration POLL = Duration.ofMillis(20);

    private ProcessTree() {
    }

    public static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::isRunning).orElse(false);
    }

    public static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !isZombie(process.pid());
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'.
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false; // no /proc (not Linux) or gone: isAlive() already had the answer
        }
    }

    /** The root and all its descendants, taken now: a worker orphaned later stays in the list. */
    public static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /**
     * A SIGKILL of the tree as it is now, descendants first, to send when the caller says: looking
     * the tree up scans every process, so a caller that times the kill does it before taking the time.
     */
    public static Runnable killer(ProcessHandle root) {
        List<ProcessHandle> tree = snapshot(root);
        return () -> {
            for (int i = tree.size() - 1; i >= 0; i--) {
                tree.get(i).destroyForcibly();
            }
        };
    }

    /** SIGKILL to each listed process that still runs. */
    public static void kill(List<ProcessHandle> processes) {
        for (ProcessHandle p : processes) {
            if (isRunning(p)) {
                p.destroyForcibly();
            }
        }
    }

    /** Waits until none of the processes runs; returns the ones still running at the deadline. */
    public static List<ProcessHandle> awaitGone(List<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ProcessHandle> running = stillRunning(processes);
        while (!running.isEmpty() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LOG.debug("waiting for {} to end", pids(running));
            sleep(POLL);
            running = stillRunning(running);
        }
        return running;
    }

    private static List<ProcessHandle> stillRunning(List<ProcessHandle> processes) {
        return processes.stream().filter(ProcessTree::isRunning).collect(Collectors.toList());
    }

    public static String pids(List<ProcessHandle> processes) {
        return processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(", ", "[", "]"));
    }

    public static Stream<ProcessHandle> runningChildren(long pid) {
        return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::children).filter(ProcessTree::isRunning);
    }

    /** Waits for a child to exit (an interrupt ends the wait and is kept); true when it did in time. */
    public static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sleeps; an interrupt is kept for the caller and ends the sleep early. */
    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
