package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.process.ProcessTree;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One nginx reverse proxy on 127.0.0.1:{@link #port()} in front of one loopback upstream, from
 * start to close, the same whichever {@link NginxRuntime} runs it: picks a free loopback port and
 * retries on a bind clash (nginx cannot take port 0), waits until nginx is ready, confirms a
 * reload by the new workers, and keeps config and logs in the cell's folder on close.
 */
public final class NginxLifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NginxLifecycle.class);
    static final int MAX_ATTEMPTS = 5;
    /** What nginx logs when its listen port is taken. */
    static final String BIND_CLASH = "Address already in use";
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(250);
    private static final int TAIL_LINES = 20;

    /**
     * How long nginx may take to get ready and to show a new worker after a reload.
     *
     * @param ready from the start of a master to its port answering
     * @param reload from {@code nginx -s reload} to a new worker running
     */
    record Timeouts(Duration ready, Duration reload) {
        /** A container start takes longer than a process start; 20 s covers both on a loaded machine. */
        static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    private final NginxMaster master;
    private final NginxConfigRenderer renderer;
    private final int port;
    private final int upstreamPort;
    private final long masterPid;
    private final Path logFolder;
    private final Duration reloadTimeout;
    private NginxSettings settings;
    private boolean closed;

    private NginxLifecycle(NginxMaster master, NginxConfigRenderer renderer, NginxSettings settings, int port,
            int upstreamPort, long masterPid, Path logFolder, Duration reloadTimeout) {
        this.master = master;
        this.renderer = renderer;
        this.settings = settings;
        this.port = port;
        this.upstreamPort = upstreamPort;
        this.masterPid = masterPid;
        this.logFolder = logFolder;
        this.reloadTimeout = reloadTimeout;
    }

    /**
     * Renders the config for a free loopback port and starts nginx with it, retrying with another
     * port when the chosen one was taken meanwhile. Config and logs go to logFolder on close.
     */
    public static NginxLifecycle start(NginxRuntime runtime, NginxConfigRenderer renderer, NginxSettings settings,
            int upstreamPort, Path logFolder) {
        return start(runtime, renderer, settings, upstreamPort, logFolder, FreePort::loopback, Timeouts.DEFAULT);
    }

    /** As above, with the port choice and the timeouts injected (tests force clashes and hangs through them). */
    static NginxLifecycle start(NginxRuntime runtime, NginxConfigRenderer renderer, NginxSettings settings,
            int upstreamPort, Path logFolder, IntSupplier ports, Timeouts timeouts) {
        Objects.requireNonNull(logFolder, "logFolder");
        long began = System.nanoTime();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int port = ports.getAsInt();
            NginxMaster master = runtime.start(renderer.render(settings, port, upstreamPort));
            Readiness r = awaitReadySafely(master, port, timeouts.ready());
            if (r.pid().isPresent()) {
                LOG.info("nginx {} ready on 127.0.0.1:{} -> 127.0.0.1:{} in {} ms (attempt {}, master pid {}, {})",
                        master.version(), port, upstreamPort, millisSince(began), attempt, r.pid().getAsLong(),
                        master.describe());
                return new NginxLifecycle(master, renderer, settings, port, upstreamPort, r.pid().getAsLong(),
                        logFolder, timeouts.reload());
            }
            if (!r.clash()) {
                throw startFailure(master, port, logFolder, r.why());
            }
            LOG.info("nginx could not bind 127.0.0.1:{} ({}); retrying on another port", port, BIND_CLASH);
            master.close();
        }
        throw new HarnessException("nginx found every one of " + MAX_ATTEMPTS + " free loopback ports taken"
                + " by the time it bound them; is something grabbing ports on 127.0.0.1?");
    }

    /** How a wait for readiness ended: the master's pid, a bind clash, or why it failed. */
    private record Readiness(OptionalLong pid, boolean clash, String why) {
        static Readiness ready(OptionalLong pid) {
            return new Readiness(pid, false, "");
        }

        static Readiness failed(boolean clash, String why) {
            return new Readiness(OptionalLong.empty(), clash, why);
        }
    }

    private static Readiness awaitReadySafely(NginxMaster master, int port, Duration timeout) {
        try {
            return awaitReady(master, port, timeout);
        } catch (RuntimeException e) {
            master.close();
            throw e;
        }
    }

    /**
     * Ready = the port accepts TCP connections and the master wrote its pid file: the pid file
     * shows the listener is nginx's, not another process's that got the port first.
     */
    private static Readiness awaitReady(NginxMaster master, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            // nginx retries a failed bind five times, 500 ms apart: do not wait for its exit.
            if (master.output().contains(BIND_CLASH)) {
                return Readiness.failed(true, BIND_CLASH);
            }
            if (!master.isAlive()) {
                return Readiness.failed(master.output().contains(BIND_CLASH), master.exitReason());
            }
            if (FreePort.accepts(port, CONNECT_TIMEOUT)) {
                OptionalLong pid = master.readPid();
                if (pid.isPresent()) {
                    return Readiness.ready(pid);
                }
            }
            LOG.debug("nginx on port {} not ready yet", port);
            ProcessTree.sleep(POLL);
        }
        return Readiness.failed(false, Thread.currentThread().isInterrupted()
                ? "interrupted while waiting for nginx to get ready"
                : "nginx was not ready within " + timeout.toMillis() + " ms (master alive: " + master.isAlive() + ")");
    }

    private static HarnessException startFailure(NginxMaster master, int port, Path logFolder, String why) {
        String tail = tail(master.output());
        try {
            master.keepLogs(logFolder);
        } finally {
            master.close();
        }
        return new HarnessException("nginx did not start on 127.0.0.1:" + port + ": " + why
                + "; logs in " + logFolder.toAbsolutePath() + "\n" + tail);
    }

    /** The last lines of what nginx wrote, indented, for failure messages. */
    static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        if (lines.isEmpty()) {
            return "    (nginx wrote nothing)\n";
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) {
            out.append("    ").append(line).append('\n');
        }
        return out.toString();
    }

    /** The loopback port nginx listens on. */
    public int port() {
        return port;
    }

    public synchronized NginxSettings settings() {
        return settings;
    }

    public String version() {
        return master.version();
    }

    public long masterPid() {
        return masterPid;
    }

    /** The running worker processes: one normally, more while old ones drain after a reload. */
    public Set<Long> workerPids() {
        return master.workerPids(masterPid);
    }

    /** The master as its runtime runs it (tests look at its processes and files). */
    NginxMaster master() {
        return master;
    }

    /** {@code nginx -s reload} with the current settings; waits until new workers run. */
    public synchronized NginxReload reload() {
        return reload(settings);
    }

    /**
     * Re-renders the config with new settings (same ports) and reloads: the master starts new
     * workers, old ones stop accepting and drain their connections. Waits until a new worker runs.
     */
    public synchronized NginxReload reload(NginxSettings newSettings) {
        if (closed) {
            throw new IllegalStateException("cannot reload: nginx on port " + port + " is closed");
        }
        Set<Long> before = workerPids();
        master.writeConfig(renderer.render(newSettings, port, upstreamPort));
        long began = System.nanoTime();
        try {
            master.signal("reload");
        } catch (HarnessException e) {
            throw new HarnessException(e.getMessage() + "\n" + tail(master.output()), e);
        }
        long deadline = began + reloadTimeout.toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Set<Long> fresh = new HashSet<>(workerPids());
            fresh.removeAll(before);
            if (!fresh.isEmpty()) {
                settings = newSettings;
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                LOG.info("nginx on port {} reloaded in {} ms: workers {} -> {}", port, took.toMillis(), before, fresh);
                return new NginxReload(before, fresh, took);
            }
            LOG.debug("nginx reload: no new worker yet (workers {})", before);
            ProcessTree.sleep(POLL);
        }
        throw new HarnessException("nginx on port " + port + " (" + master.describe() + ") started no new worker within "
                + reloadTimeout.toMillis() + " ms of 'nginx -s reload' (workers before: " + before + ")\n"
                + tail(master.output()));
    }

    /**
     * Graceful stop ({@code nginx -s quit}: old connections drain, at most worker_shutdown_timeout
     * when set), bounded by grace; then {@link #close()} kills whatever is left.
     */
    public synchronized void stop(Duration grace) {
        if (closed) {
            return;
        }
        long began = System.nanoTime();
        try {
            master.signal("quit");
            if (master.awaitExit(grace)) {
                LOG.info("nginx on port {} quit gracefully in {} ms", port, millisSince(began));
            } else {
                LOG.info("nginx on port {} still draining after {} ms; killing it", port, grace.toMillis());
            }
        } finally {
            close();
        }
    }

    /** Keeps config and logs in the log folder, then kills master and workers. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            master.keepLogs(logFolder);
        } finally {
            master.close();
        }
        LOG.debug("nginx on port {} closed; logs in {}", port, logFolder);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
