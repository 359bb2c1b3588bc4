package io.wsbed.harness.process;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A process tree held with SIGSTOP (a GC pause, a frozen VM, a suspended laptop), and the promise
 * that it is continued with SIGCONT however the harness goes on: {@link #thaw()} (also through
 * {@link #close()}) in the normal course, {@link #thawAll()} from the registry's shutdown hook,
 * and a {@link Watchdog} whose action sends SIGCONT when the harness JVM dies outright (SIGKILL).
 * A stopped process ignores everything but SIGKILL and SIGCONT, and would not see its stdin close:
 * continued, it does, and exits by contract.
 */
public final class Freeze implements AutoCloseable {
    private static final Set<Freeze> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(5);

    private final String label;
    private final List<Long> pids;
    private final Watchdog watchdog;
    private boolean thawed;

    private Freeze(String label, List<Long> pids, Watchdog watchdog) {
        this.label = label;
        this.pids = pids;
        this.watchdog = watchdog;
    }

    /**
     * Stops {@code root} and every descendant it has now with SIGSTOP, after the watchdog that
     * would continue them is in place. Returns once the signal was sent.
     */
    public static Freeze stop(String label, ProcessHandle root) {
        List<Long> pids = ProcessTree.snapshot(root).stream().filter(ProcessTree::isRunning)
                .map(ProcessHandle::pid).toList();
        if (pids.isEmpty()) {
            throw new HarnessException("cannot freeze " + label + ": it no longer runs");
        }
        Watchdog watchdog = Watchdog.start("wsbed-thaw-" + label, List.of(), "kill -s CONT " + join(pids) + " 2>/dev/null",
                Redirect.DISCARD);
        Freeze f = new Freeze(label, pids, watchdog);
        ACTIVE.add(f);
        try {
            signal("STOP", pids);
        } catch (RuntimeException e) {
            f.thaw();
            throw e;
        }
        return f;
    }

    public String label() {
        return label;
    }

    /** The processes held. */
    public List<Long> pids() {
        return pids;
    }

    /** Whether the tree is still held. */
    public synchronized boolean frozen() {
        return !thawed;
    }

    /** SIGCONT to every process held, then the watchdog is let go. Idempotent. */
    public synchronized void thaw() {
        if (thawed) {
            return;
        }
        thawed = true;
        try {
            signal("CONT", pids);
        } finally {
            ACTIVE.remove(this);
            watchdog.close();
        }
    }

    @Override
    public void close() {
        thaw();
    }

    /**
     * Continues every tree still held, without waiting for the watchdogs (they end when this JVM
     * does): for the shutdown hook, before it kills the children.
     */
    public static void thawAll() {
        List<Long> all = new ArrayList<>();
        for (Freeze f : ACTIVE) {
            synchronized (f) {
                if (!f.thawed) {
                    f.thawed = true;
                    all.addAll(f.pids);
                }
            }
        }
        ACTIVE.clear();
        if (!all.isEmpty()) {
            try {
                signal("CONT", all);
            } catch (RuntimeException e) {
                // The hook goes on to SIGKILL them, which also ends a stopped process.
            }
        }
    }

    /** How many trees are held now (for tests). */
    public static int activeCount() {
        return ACTIVE.size();
    }

    /** kill(1): Java has no way to send SIGSTOP or SIGCONT. */
    private static void signal(String name, List<Long> pids) {
        List<String> cmd = new ArrayList<>(List.of("kill", "-s", name));
        pids.forEach(p -> cmd.add(Long.toString(p)));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start();
            if (!ProcessTree.awaitExit(p, SIGNAL_TIMEOUT)) {
                p.destroyForcibly();
                throw new HarnessException("kill -s " + name + " " + join(pids) + " did not end within "
                        + SIGNAL_TIMEOUT.toSeconds() + " s");
            }
            // A non-zero exit means some process was already gone: nothing left to hold or continue.
        } catch (IOException e) {
            throw new HarnessException("cannot run kill -s " + name + ": " + e.getMessage(), e);
        }
    }

    private static String join(List<Long> pids) {
        return pids.stream().map(Object::toString).collect(Collectors.joining(" "));
    }
}
