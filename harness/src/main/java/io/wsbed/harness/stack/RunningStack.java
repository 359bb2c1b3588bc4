package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.process.CpuPriority;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.EventLineParser;
import io.wsbed.harness.timeline.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One stack process in one role, whose event lines land in the cell's timeline under its label
 * ("server-1", "client-2", ...). Commands go to its stdin; kill is a stimulus, close a cleanup.
 */
public final class RunningStack implements AutoCloseable {
    private final String label;
    private final String stackId;
    private final ChildProcess process;
    private final Timeline timeline;
    private final long launchedMicros;
    private Event ready;

    private RunningStack(String label, String stackId, ChildProcess process, Timeline timeline, long launchedMicros) {
        this.label = label;
        this.stackId = stackId;
        this.process = process;
        this.timeline = timeline;
        this.launchedMicros = launchedMicros;
    }

    /**
     * Launches {@code <stack> <role> <options>}, mapping its start archive when there is one; call
     * {@link #awaitReady(Duration)} next.
     */
    public static RunningStack launch(StackDescriptor stack, String role, List<String> options, String label,
                                      Path logDir, Timeline timeline, Optional<StartArchive> archive) {
        return launch(stack, role, options, label, logDir, timeline, archive, false);
    }

    /**
     * As above; {@code lowered} starts it at a lower CPU priority ({@link CpuPriority}) until
     * {@link #restorePriority()}.
     */
    public static RunningStack launch(StackDescriptor stack, String role, List<String> options, String label,
                                      Path logDir, Timeline timeline, Optional<StartArchive> archive, boolean lowered) {
        return launch(stack, role, options, label, logDir, timeline, archive, lowered, 0);
    }

    /**
     * As above, with the process's memory limited to {@code memoryMib} MiB (0: the stack's default),
     * through its launcher ({@link Launcher#command(List, Optional, int)}).
     */
    public static RunningStack launch(StackDescriptor stack, String role, List<String> options, String label,
                                      Path logDir, Timeline timeline, Optional<StartArchive> archive, boolean lowered,
                                      int memoryMib) {
        List<String> args = new java.util.ArrayList<>();
        args.add(role);
        args.addAll(options);
        List<String> command = stack.launcher().command(args, archive.filter(x -> stack.java().isPresent()), memoryMib);
        return launch(lowered ? CpuPriority.lowered(command) : command, stack.launcher().workDir(), stack.id(), label,
                logDir, timeline);
    }

    /** The process id (the JVM's own: a lowered start execs {@code nice}, which execs java). */
    public long pid() {
        return process.pid();
    }

    /** Gives the process the normal CPU priority back (after a lowered start). */
    public void restorePriority() {
        CpuPriority.restore(process.pid());
    }

    /** Launches a stack's full command line (the start archive's training run has its own flags). */
    static RunningStack launch(List<String> command, Path workDir, String stackId, String label, Path logDir,
                               Timeline timeline) {
        long launched = timeline.nowMicros();
        ChildProcess p = ChildProcess.start(label, command, workDir, logDir,
                line -> EventLineParser.parse(label, line).ifPresent(timeline::add));
        return new RunningStack(label, stackId, p, timeline, launched);
    }

    public String label() {
        return label;
    }

    /** When the harness launched the process, in epoch microseconds. */
    public long launchedMicros() {
        return launchedMicros;
    }

    /**
     * Waits for the ready line. Fails fast, with the exit code and the last stderr lines, when
     * the process dies first.
     */
    public Event awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var e = timeline.await(ev -> ev.source().equals(label) && ev.ev().equals("ready"), Duration.ofMillis(50));
            if (e.isPresent()) {
                ready = e.get();
                return ready;
            }
            if (!process.isAlive()) {
                process.awaitOutputDrained(Duration.ofMillis(500));
                var late = timeline.first(ev -> ev.source().equals(label) && ev.ev().equals("ready"));
                if (late.isPresent()) {
                    ready = late.get();
                    return ready;
                }
                throw new NotReadyException(label, stackId, process.exitCode(), process.stderrTail(15), process.stderrLog());
            }
        }
        throw new NotReadyException(label, stackId, null, process.stderrTail(15), process.stderrLog());
    }

    /** The port from the ready line (servers). */
    public int port() {
        if (ready == null) {
            throw new IllegalStateException(label + " is not ready");
        }
        return (int) ready.num("port", -1);
    }

    /** Sends one stdin command; a dead process is a harness-visible fact, not an exception. */
    public boolean command(String line) {
        return process.send(line);
    }


    /** Closes the process's stdin: the contract's "the harness is gone", after which it exits at once. */
    public void endInput() {
        process.closeInput();
    }

    /** The last lines the process wrote to stderr. */
    public String stderrTail(int lines) {
        return process.stderrTail(lines);
    }

    /** SIGKILL to the process: the stimulus of crash scenarios. */
    public void kill() {
        process.kill();
    }

    /** A SIGKILL of the process tree as it is now, to send later without looking the tree up again. */
    public Runnable prepareKill() {
        return process.prepareKill();
    }

    /** SIGSTOP to the process and its descendants, until the returned freeze is thawed. */
    public io.wsbed.harness.process.Freeze freeze() {
        return io.wsbed.harness.process.Freeze.stop(label, process.handle());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Integer exitCode() {
        return process.exitCode();
    }

    public boolean awaitExit(Duration timeout) {
        return process.awaitExit(timeout);
    }

    @Override
    public void close() {
        process.close();
    }

    /** The process did not reach its ready line. */
    public static final class NotReadyException extends HarnessException {
        private static final long serialVersionUID = 1L;
        private final Integer exitCode;
        private final String stderrTail;

        NotReadyException(String label, String stack, Integer exitCode, String stderrTail, Path log) {
            super(label + " (" + stack + ") " + (exitCode == null ? "did not become ready in time"
                    : "exited with code " + exitCode + " before it was ready") + "; log " + log
                    + (stderrTail.isBlank() ? "" : "; last lines:\n" + stderrTail));
            this.exitCode = exitCode;
            this.stderrTail = stderrTail;
        }

        public Integer exitCode() {
            return exitCode;
        }

        /** Whether the process failed because its port was still taken (a restart too early). */
        public boolean addressInUse() {
            return stderrTail.contains("Address already in use") || stderrTail.contains("BindException");
        }
    }
}
