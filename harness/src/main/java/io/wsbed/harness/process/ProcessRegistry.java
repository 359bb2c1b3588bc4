package io.wsbed.harness.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process the harness started and has not yet reaped. One JVM shutdown hook kills
 * them all, so an interrupted run (Ctrl-C) leaves nothing behind; children also exit on their own
 * when their stdin closes, which covers a harness that is killed outright.
 */
public final class ProcessRegistry {
    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ProcessRegistry::killAll, "wsbed-kill-children");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private ProcessRegistry() {
    }

    public static void register(ProcessHandle process) {
        LIVE.add(process);
    }

    public static void unregister(ProcessHandle process) {
        LIVE.remove(process);
    }

    /** How many registered children are still alive (for tests and the end-of-run check). */
    public static int aliveCount() {
        return (int) LIVE.stream().filter(ProcessHandle::isAlive).count();
    }

    /**
     * Waits (bounded) until every registered child has exited, then kills whatever is left.
     * Returns how many had to be killed.
     */
    public static int awaitAllExited(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (aliveCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = aliveCount();
        killAll();
        return left;
    }

    /**
     * Kills every registered child and its descendants at once, after continuing any the harness
     * holds stopped ({@link Freeze}): none is left stopped, whatever becomes of the kill.
     */
    public static void killAll() {
        Freeze.thawAll();
        for (ProcessHandle p : LIVE) {
            killTree(p);
        }
        LIVE.clear();
    }

    /** SIGKILL to a process and all of its descendants, descendants first. */
    public static void killTree(ProcessHandle p) {
        ProcessTree.killer(p).run();
    }
}
