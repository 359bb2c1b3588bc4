package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.process.Watchdog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * nginx as a local process: in the foreground, in its own private prefix, under a
 * {@link Watchdog} that kills master and workers when the harness JVM ends, SIGKILL included.
 * Signals are {@code nginx -s} commands against the same prefix.
 */
public final class NginxProcess implements NginxMaster {
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    private final NginxBinary binary;
    private final NginxPrefix prefix;
    private final Watchdog watchdog;
    private boolean closed;

    private NginxProcess(NginxBinary binary, NginxPrefix prefix, Watchdog watchdog) {
        this.binary = binary;
        this.prefix = prefix;
        this.watchdog = watchdog;
    }

    /** The runtime that starts this nginx binary as local processes. */
    public static NginxRuntime runtime(NginxBinary binary) {
        return config -> start(binary, config);
    }

    /** Writes the config into a fresh prefix and starts nginx on it under the watchdog; does not wait. */
    static NginxProcess start(NginxBinary binary, String config) {
        NginxPrefix prefix = NginxPrefix.create();
        try {
            prefix.writeConfig(config);
            Watchdog watchdog = Watchdog.start("nginx watchdog", command(binary, prefix), "",
                    ProcessBuilder.Redirect.appendTo(prefix.consoleLog().toFile()));
            return new NginxProcess(binary, prefix, watchdog);
        } catch (RuntimeException e) {
            prefix.delete();
            throw e;
        }
    }

    private static List<String> command(NginxBinary binary, NginxPrefix prefix, String... extra) {
        // -e: errors before the config is parsed also go to our log, not to the compiled-in default.
        List<String> command = new ArrayList<>(List.of(binary.path().toString(),
                "-p", prefix.root() + "/", "-c", prefix.config().toString(), "-e", prefix.errorLog().toString()));
        command.addAll(List.of(extra));
        return command;
    }

    @Override
    public String version() {
        return binary.version();
    }

    @Override
    public String describe() {
        return "prefix " + prefix.root();
    }

    @Override
    public boolean isAlive() {
        return watchdog.isAlive();
    }

    @Override
    public String exitReason() {
        // The watchdog exits with nginx's exit code.
        return watchdog.isAlive() ? "nginx still runs" : "nginx exited with code " + watchdog.exitCode();
    }

    @Override
    public String output() {
        return prefix.output();
    }

    @Override
    public OptionalLong readPid() {
        OptionalLong pid = prefix.readPid();
        return pid.isPresent() && ProcessTree.isRunning(pid.getAsLong()) ? pid : OptionalLong.empty();
    }

    @Override
    public Set<Long> workerPids(long masterPid) {
        return ProcessTree.runningChildren(masterPid).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @Override
    public void writeConfig(String config) {
        prefix.writeConfig(config);
    }

    @Override
    public void signal(String signal) {
        List<String> command = command(binary, prefix, "-s", signal);
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.consoleLog().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(SIGNAL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new HarnessException("nginx -s " + signal + " did not finish within "
                        + SIGNAL_TIMEOUT.toSeconds() + " s; see " + prefix.consoleLog());
            }
            if (p.exitValue() != 0) {
                throw new HarnessException("nginx -s " + signal + " exited with " + p.exitValue());
            }
        } catch (IOException e) {
            throw new HarnessException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while running nginx -s " + signal, e);
        }
    }

    @Override
    public boolean awaitExit(Duration timeout) {
        return watchdog.awaitExit(timeout);
    }

    @Override
    public void keepLogs(Path folder) {
        prefix.copyLogsTo(folder);
    }

    /** Kills watchdog, master and workers, then deletes the prefix (kept when a process survived). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.close(); // throws naming survivors: the prefix then stays for a look
        prefix.delete();
    }

    /** Watchdog, master and workers as they are now (for tests that check nothing survives). */
    List<Long> processTreePids() {
        return watchdog.treePids();
    }

    /** The private prefix (deleted on close). */
    Path prefixRoot() {
        return prefix.root();
    }
}
