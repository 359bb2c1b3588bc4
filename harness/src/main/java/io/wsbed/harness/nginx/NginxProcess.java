package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.process.ProcessTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running nginx reverse proxy on 127.0.0.1:{@link #port()} in front of one loopback upstream,
 * in its own private prefix; closing it kills master and workers and keeps the logs.
 */
public final class NginxProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NginxProcess.class);
    static final int MAX_ATTEMPTS = 5;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final int TAIL_LINES = 20;

    private final NginxBinary binary;
    private final NginxConfigRenderer renderer;
    private final int upstreamPort;
    private final Path logFolder;
    private final NginxLaunch launch;
    private NginxSettings settings;
    private boolean closed;

    private NginxProcess(NginxBinary binary, NginxConfigRenderer renderer, NginxSettings settings,
            int upstreamPort, Path logFolder, NginxLaunch launch) {
        this.binary = binary;
        this.renderer = renderer;
        this.settings = settings;
        this.upstreamPort = upstreamPort;
        this.logFolder = logFolder;
        this.launch = launch;
    }

    /**
     * Renders the config into a fresh prefix and starts nginx on a free loopback port, retrying
     * with another port when the chosen one was taken meanwhile. The logs go to logFolder on close.
     */
    public static NginxProcess start(NginxBinary binary, NginxConfigRenderer renderer, NginxSettings settings,
            int upstreamPort, Path logFolder) {
        return start(binary, renderer, settings, upstreamPort, logFolder, FreePort::loopback);
    }

    /** As above, with the port choice injected (tests force a clash through it). */
    static NginxProcess start(NginxBinary binary, NginxConfigRenderer renderer, NginxSettings settings,
            int upstreamPort, Path logFolder, IntSupplier ports) {
        Objects.requireNonNull(logFolder, "logFolder");
        long began = System.nanoTime();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int port = ports.getAsInt();
            String config = renderer.render(settings, port, upstreamPort);
            NginxPrefix prefix = NginxPrefix.create();
            prefix.writeConfig(config);
            NginxLaunch launch = NginxLaunch.spawn(binary, prefix, port);
            NginxLaunch.Outcome outcome = launch.awaitReady(READY_TIMEOUT);
            if (outcome == NginxLaunch.Outcome.READY) {
                LOG.info("nginx {} ready on 127.0.0.1:{} -> 127.0.0.1:{} in {} ms (attempt {}, master pid {}, prefix {})",
                        binary.version(), port, upstreamPort, millisSince(began), attempt, launch.masterPid(), prefix.root());
                return new NginxProcess(binary, renderer, settings, upstreamPort, logFolder, launch);
            }
            if (outcome == NginxLaunch.Outcome.BIND_CLASH) {
                LOG.info("nginx could not bind 127.0.0.1:{} ({}); retrying on another port", port, NginxLaunch.BIND_CLASH);
                discard(launch);
                continue;
            }
            throw startFailure(launch, logFolder, launch.failure());
        }
        throw new HarnessException("nginx found every one of " + MAX_ATTEMPTS + " free loopback ports taken"
                + " by the time it bound them; is something grabbing ports on 127.0.0.1?");
    }

    private static HarnessException startFailure(NginxLaunch launch, Path logFolder, String why) {
        String tail = launch.prefix().tail(TAIL_LINES);
        try {
            launch.kill();
        } finally {
            launch.prefix().copyLogsTo(logFolder);
        }
        launch.prefix().delete();
        return new HarnessException("nginx did not start on 127.0.0.1:" + launch.port() + ": " + why
                + "; logs in " + logFolder.toAbsolutePath() + "\n" + tail);
    }

    private static void discard(NginxLaunch launch) {
        launch.kill();
        launch.prefix().delete();
    }

    /** The loopback port nginx listens on. */
    public int port() {
        return launch.port();
    }

    public NginxBinary binary() {
        return binary;
    }

    public synchronized NginxSettings settings() {
        return settings;
    }

    public long masterPid() {
        return launch.masterPid();
    }

    /** The running worker processes: one normally, more while old ones drain after a reload. */
    public Set<Long> workerPids() {
        return ProcessTree.runningChildren(launch.masterPid()).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    /** Watchdog, master and workers as they are now (for tests that check nothing survives). */
    List<Long> processTreePids() {
        return launch.wrapper().treePids();
    }

    /** The private prefix (deleted on close). */
    Path prefixRoot() {
        return launch.prefix().root();
    }

    /** The live error log inside the prefix (copied to the log folder on close). */
    public Path errorLog() {
        return launch.prefix().errorLog();
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
        requireOpen("reload");
        Set<Long> before = workerPids();
        launch.prefix().writeConfig(renderer.render(newSettings, port(), upstreamPort));
        long began = System.nanoTime();
        launch.signal("reload");
        long deadline = began + RELOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Set<Long> fresh = new HashSet<>(workerPids());
            fresh.removeAll(before);
            if (!fresh.isEmpty()) {
                settings = newSettings;
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                LOG.info("nginx on port {} reloaded in {} ms: workers {} -> {}", port(), took.toMillis(), before, fresh);
                return new NginxReload(before, fresh, took);
            }
            LOG.debug("nginx reload: no new worker yet (workers {})", before);
            ProcessTree.sleep(POLL);
        }
        throw new HarnessException("nginx on port " + port() + " started no new worker within "
                + RELOAD_TIMEOUT.toMillis() + " ms of 'nginx -s reload' (workers before: " + before + ")\n"
                + launch.prefix().tail(TAIL_LINES));
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
            launch.signal("quit");
            if (launch.awaitExit(grace)) {
                LOG.info("nginx on port {} quit gracefully in {} ms", port(), millisSince(began));
            } else {
                LOG.info("nginx on port {} still draining after {} ms; killing it", port(), grace.toMillis());
            }
        } finally {
            close();
        }
    }

    /** Kills master and workers (idempotent), copies config and logs to the log folder, deletes the prefix. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Path> copies;
        try {
            launch.kill(); // throws naming survivors: the prefix then stays for a look
        } finally {
            copies = launch.prefix().copyLogsTo(logFolder);
        }
        launch.prefix().delete();
        LOG.debug("nginx on port {} closed; kept {}", port(), copies);
    }

    private void requireOpen(String action) {
        if (closed) {
            throw new IllegalStateException("cannot " + action + ": nginx on port " + port() + " is closed");
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
