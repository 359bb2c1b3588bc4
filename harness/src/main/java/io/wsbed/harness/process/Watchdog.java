package io.wsbed.harness.process;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small shell process that cleans up after the harness JVM however that JVM ends, SIGKILL
 * included: it holds a pipe from the JVM as its stdin, and when that pipe reaches EOF (the kernel
 * closes it when the JVM dies; {@link #close()} closes it on purpose) it runs a cleanup action and
 * then SIGKILLs its whole process group.
 *
 * <p>It may guard a command: the command runs in the watchdog's process group and so dies with it.
 * That is what a program needs that ignores its stdin and whose children outlive it, like nginx
 * (master and workers). Without a command it only waits for the EOF, to run the action (the
 * container reaper removes the run's containers that way).
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
    /** How long the watchdog may take to run its action and end once the pipe is closed. */
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(5);

    // POSIX sh (dash on Debian); $1 is the action, the rest the guarded command. fd 3 keeps the JVM
    // pipe, because an asynchronous list in a non-interactive shell gets /dev/null as stdin.
    // "kill 0" signals our own process group, hence the guard that we really lead one: without
    // setsid it would hit the JVM's group. setsid also keeps a terminal's Ctrl-C away from us.
    static final String SCRIPT = """
            read -r _ _ _ _ group _ < /proc/$$/stat
            if [ "$group" != "$$" ]; then
              echo "wsbed watchdog: must lead its own process group (start it under setsid)" >&2
              exit 3
            fi
            action=$1
            shift
            exec 3<&0
            ( while read -r _ <&3; do :; done; [ -z "$action" ] || sh -c "$action"; kill -s KILL 0 ) </dev/null &
            exec 3<&-
            if [ $# -eq 0 ]; then
              wait
              exit 0
            fi
            "$@" </dev/null &
            child=$!
            wait "$child"
            status=$?
            # The command ended by itself: take the watchdog and any orphan of the command along.
            trap '' TERM
            kill -s TERM 0 2>/dev/null
            exit "$status"
            """;

    private final String name;
    private final Process process;
    private boolean closed;

    private Watchdog(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts a watchdog.
     *
     * @param name what the process list and messages call it
     * @param command the command to guard, or an empty list for none
     * @param action shell text run when the JVM's pipe closes, or "" for none
     * @param output where the watchdog's and the command's stdout and stderr go
     */
    public static Watchdog start(String name, List<String> command, String action, ProcessBuilder.Redirect output) {
        List<String> argv = argv(name, command, action);
        try {
            Process p = new ProcessBuilder(argv)
                    .redirectErrorStream(true)
                    .redirectOutput(output)
                    .start(); // stdin stays a pipe: the watchdog's lifeline to this JVM
            LOG.debug("started {} (pid {}) guarding {}", name, p.pid(), command);
            return new Watchdog(name, p);
        } catch (IOException e) {
            throw new HarnessException("cannot start the " + name + " (" + command + "): " + e.getMessage(), e);
        }
    }

    /**
     * The command line of a watchdog guarding {@code command}, for a caller that starts it as its
     * own child (a {@link ChildProcess}: its stdin pipe is then the watchdog's lifeline, and closing
     * the child's stdin ends the watchdog and what it guards).
     *
     * @param name what the process list calls it
     * @param command the command to guard
     * @param action shell text run when the pipe closes, or "" for none
     */
    public static List<String> argv(String name, List<String> command, String action) {
        List<String> argv = new ArrayList<>(List.of(setsid().toString(), "sh", "-c", SCRIPT, name, action));
        argv.addAll(command);
        return argv;
    }

    private static Path setsid() {
        return Executables.find("setsid").orElseThrow(() -> new HarnessException(
                "setsid not found (package util-linux): the watchdog needs it to lead its own process group"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code: the guarded command's when it ended by itself; only call once not alive. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Waits until the watchdog (so the guarded command) has ended; true when it did in time. */
    public boolean awaitExit(Duration timeout) {
        return ProcessTree.awaitExit(process, timeout);
    }

    /** The watchdog and everything below it now (for tests that check nothing survives). */
    public List<Long> treePids() {
        return ProcessTree.snapshot(process.toHandle()).stream().map(ProcessHandle::pid).toList();
    }

    /**
     * Closes the pipe, lets the watchdog run its action and end (bounded), then SIGKILLs whatever of
     * its tree as it was before still runs. Idempotent; throws naming the processes that survived.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ProcessHandle> tree = ProcessTree.snapshot(process.toHandle()); // orphans leave the tree later
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        } catch (IOException e) {
            // Already gone; the explicit kill below covers the rest.
        }
        if (!awaitExit(EXIT_TIMEOUT)) {
            LOG.warn("the {} did not end within {} s of its pipe closing; killing it", name, EXIT_TIMEOUT.toSeconds());
        }
        ProcessTree.kill(tree);
        List<ProcessHandle> survivors = ProcessTree.awaitGone(tree, KILL_TIMEOUT);
        if (!survivors.isEmpty()) {
            throw new HarnessException("processes " + ProcessTree.pids(survivors) + " of the " + name
                    + " still run after SIGKILL");
        }
    }
}
