package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.process.Watchdog;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to run nginx on one port in one prefix: spawn it under a {@link Watchdog}, wait until it
 * is ready or has failed, send it {@code -s} commands, kill it.
 */
final class NginxLaunch {
    /** What nginx logs when its listen port is taken. */
    static final String BIND_CLASH = "Address already in use";

    enum Outcome { READY, BIND_CLASH, FAILED }

    private static final Logger LOG = LoggerFactory.getLogger(NginxLaunch.class);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(10);

    private final NginxBinary binary;
    private final NginxPrefix prefix;
    private final int port;
    private final Watchdog wrapper;
    private String failure = "";
    private long masterPid = -1;

    private NginxLaunch(NginxBinary binary, NginxPrefix prefix, int port, Watchdog wrapper) {
        this.binary = binary;
        this.prefix = prefix;
        this.port = port;
        this.wrapper = wrapper;
    }

    /** Starts nginx on the config already written into the prefix; does not wait. */
    static NginxLaunch spawn(NginxBinary binary, NginxPrefix prefix, int port) {
        Watchdog watchdog = Watchdog.start("nginx watchdog", nginxCommand(binary, prefix), "",
                ProcessBuilder.Redirect.appendTo(prefix.consoleLog().toFile()));
        return new NginxLaunch(binary, prefix, port, watchdog);
    }

    private static List<String> nginxCommand(NginxBinary binary, NginxPrefix prefix, String... extra) {
        // -e: errors before the config is parsed also go to our log, not to the compiled-in default.
        List<String> command = new ArrayList<>(List.of(binary.path().toString(),
                "-p", prefix.root() + "/", "-c", prefix.config().toString(), "-e", prefix.errorLog().toString()));
        command.addAll(List.of(extra));
        return command;
    }

    /**
     * Waits until nginx is ready (pid file written by a running master and the port accepts TCP
     * connections), reports a bind clash, or fails; a clashing or failed nginx is killed.
     */
    Outcome awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            // nginx retries a failed bind five times, 500 ms apart: do not wait for its exit.
            if (prefix.logsContain(BIND_CLASH)) {
                kill();
                return Outcome.BIND_CLASH;
            }
            if (!wrapper.isAlive()) {
                failure = "nginx exited with code " + wrapper.exitCode();
                return prefix.logsContain(BIND_CLASH) ? Outcome.BIND_CLASH : Outcome.FAILED;
            }
            OptionalLong pid = prefix.readPid();
            if (pid.isPresent() && ProcessTree.isRunning(pid.getAsLong()) && accepts()) {
                masterPid = pid.getAsLong();
                return Outcome.READY;
            }
            LOG.debug("nginx on port {} not ready yet (pid file: {})", port, pid);
            ProcessTree.sleep(POLL);
        }
        failure = Thread.currentThread().isInterrupted()
                ? "interrupted while waiting for nginx to get ready"
                : "nginx was not ready within " + timeout.toMillis() + " ms (master alive: " + wrapper.isAlive() + ")";
        kill();
        return Outcome.FAILED;
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code nginx -s <signal>} against this prefix (reload, quit, ...), bounded. */
    void signal(String signal) {
        List<String> command = nginxCommand(binary, prefix, "-s", signal);
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
                throw new HarnessException("nginx -s " + signal + " exited with " + p.exitValue() + "\n" + prefix.tail(10));
            }
        } catch (IOException e) {
            throw new HarnessException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while running nginx -s " + signal, e);
        }
    }

    /** Waits for the watchdog (and so nginx's master) to exit; true when it did in time. */
    boolean awaitExit(Duration timeout) {
        return wrapper.awaitExit(timeout);
    }

    /** Kills the watchdog, master and workers (closing the pipe makes the watchdog SIGKILL its group); idempotent. */
    void kill() {
        wrapper.close();
    }

    int port() {
        return port;
    }

    NginxPrefix prefix() {
        return prefix;
    }

    long masterPid() {
        return masterPid;
    }

    Watchdog wrapper() {
        return wrapper;
    }

    /** Why the attempt failed: exit code or timeout. */
    String failure() {
        return failure;
    }
}
