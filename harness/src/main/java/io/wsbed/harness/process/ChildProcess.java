package io.wsbed.harness.process;

import io.wsbed.harness.HarnessException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One child process: stdout is read line by line on a thread (each line is written to a log file
 * and handed to a consumer), stderr goes straight to a file, stdin stays open for commands.
 * Closing stdin tells a well-behaved child to exit; {@link #kill()} sends SIGKILL to the tree.
 */
public final class ChildProcess implements AutoCloseable {
    /** How long a child may take to exit after its stdin closed before it is killed. */
    public static final Duration EXIT_GRACE = Duration.ofSeconds(2);
    private final String label;
    private final Process process;
    private final Path stdoutLog;
    private final Path stderrLog;
    private final Writer stdin;
    private final Thread reader;
    private volatile boolean closed;

    private ChildProcess(String label, Process process, Path stdoutLog, Path stderrLog, Consumer<String> lines) {
        this.label = label;
        this.process = process;
        this.stdoutLog = stdoutLog;
        this.stderrLog = stderrLog;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.reader = new Thread(() -> drain(lines), "wsbed-out-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a command with its output drained to {@code logDir/label.out} and
     * {@code logDir/label.err}.
     */
    public static ChildProcess start(String label, List<String> command, Path logDir, Consumer<String> lines) {
        return start(label, command, null, logDir, lines);
    }

    /** As {@link #start(String, List, Path, Consumer)}, run from {@code workDir} (null: the harness's own). */
    public static ChildProcess start(String label, List<String> command, Path workDir, Path logDir,
                                     Consumer<String> lines) {
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(label + ".out");
            Path err = logDir.resolve(label + ".err");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.to(err.toFile()));
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            Files.writeString(logDir.resolve(label + ".cmd"), String.join(" ", command) + "\n");
            Process p = pb.start();
            ProcessRegistry.register(p.toHandle());
            return new ChildProcess(label, p, out, err, lines);
        } catch (IOException e) {
            throw new HarnessException("could not start " + label + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    private void drain(Consumer<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer log = Files.newBufferedWriter(stdoutLog, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                log.write(line);
                log.write('\n');
                log.flush();
                lines.accept(line);
            }
        } catch (IOException e) {
            // The process went away mid-line; what was read is in the log.
        }
    }

    public String label() {
        return label;
    }

    public long pid() {
        return process.pid();
    }

    /** The child's handle (for a freeze: {@link Freeze#stop}). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, or null while running. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Writes one command line to the child's stdin. Returns false when the child is gone. */
    public synchronized boolean send(String line) {
        try {
            stdin.write(line);
            stdin.write('\n');
            stdin.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits for the child to exit; true when it did within the time. */
    public boolean awaitExit(Duration timeout) {
        return ProcessTree.awaitExit(process, timeout);
    }

    /** SIGKILL to the child and its descendants. This is a stimulus, not a cleanup. */
    public void kill() {
        ProcessRegistry.killTree(process.toHandle());
    }

    /** SIGKILL of the tree as it is now (see {@link ProcessTree#killer}). */
    public Runnable prepareKill() {
        return ProcessTree.killer(process.toHandle());
    }

    /** Waits (bounded) until the reader has consumed everything the child wrote. */
    public void awaitOutputDrained(Duration timeout) {
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of stderr, for failure messages. */
    public String stderrTail(int maxLines) {
        try {
            List<String> all = Files.readAllLines(stderrLog, StandardCharsets.UTF_8);
            List<String> tail = new ArrayList<>(all.subList(Math.max(0, all.size() - maxLines), all.size()));
            return String.join("\n", tail);
        } catch (IOException e) {
            return "(no stderr: " + e.getMessage() + ")";
        }
    }

    public Path stderrLog() {
        return stderrLog;
    }

    /** Closes stdin, which tells the child to exit at once (the contract); does not wait. */
    public synchronized void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    /**
     * Closes stdin (the child exits by contract) and returns at once; the child is reaped in the
     * background and killed with its tree if it has not exited within {@link #EXIT_GRACE}.
     * A JVM child takes about 300 ms to exit (the VM waits for threads blocked in native
     * selectors), which the next cell need not wait for. Children it leaves behind are killed.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ProcessHandle handle = process.toHandle();
        // Taken before stdin closes: a child the process leaves behind when it exits is reparented
        // and no longer its descendant, but it is in this list and goes too.
        List<ProcessHandle> tree = ProcessTree.snapshot(handle);
        closeInput();
        process.onExit().orTimeout(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS).whenComplete((p, timedOut) -> {
            if (timedOut != null) {
                kill();
            }
            ProcessTree.kill(tree);
            ProcessRegistry.unregister(handle);
        });
    }
}
