package io.wsbed.harness.haproxy;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.process.Watchdog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HAProxy on 127.0.0.1:{@link #port()} in front of loopback instances, from start to close.
 *
 * <p>It runs in the foreground ({@code -db}: no daemon, no master-worker) from a config in a
 * private temp prefix ({@code wsbed-haproxy-*}: the config and the console log, nothing else), under
 * the shared {@link Watchdog}: HAProxy ignores its stdin, and the watchdog kills its process group
 * when the pipe from the harness JVM closes, so a harness killed with SIGKILL or SIGTERM leaves no
 * haproxy behind. Ready = its frontend port accepts a TCP connection and the listening socket is one
 * of HAProxy's open descriptors (/proc), not another process's that got the port first; a
 * port taken between the choice and HAProxy's bind is retried on another one.
 */
public final class HaproxyFront implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HaproxyFront.class);
    private static final int ATTEMPTS = 3;
    /** What HAProxy logs when its frontend port is taken. */
    static final String BIND_CLASH = "cannot bind socket";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(20);

    private final HaproxyBinary binary;
    private final Path prefix;
    private final Watchdog watchdog;
    private final int port;
    private final Path logDir;
    private boolean closed;

    private HaproxyFront(HaproxyBinary binary, Path prefix, Watchdog watchdog, int port, Path logDir) {
        this.binary = binary;
        this.prefix = prefix;
        this.watchdog = watchdog;
        this.port = port;
        this.logDir = logDir;
    }

    /**
     * Starts HAProxy in front of the instances' ports and waits until it is ready (bounded). Its
     * config and log are copied into {@code logDir} on close.
     */
    public static HaproxyFront start(HaproxyBinary binary, HaproxySettings settings, List<Integer> instancePorts,
                                     Path logDir) {
        return start(binary, settings, instancePorts, logDir, FreePort::loopback);
    }

    /** As above, with the frontend port choice injected (a test hands out a taken port first). */
    static HaproxyFront start(HaproxyBinary binary, HaproxySettings settings, List<Integer> instancePorts, Path logDir,
                              IntSupplier ports) {
        HaproxyConfig config = HaproxyConfig.packaged();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            int port = ports.getAsInt();
            Path prefix = createPrefix();
            HaproxyFront front;
            try {
                Files.writeString(config(prefix), config.render(settings, port, instancePorts), StandardCharsets.UTF_8);
                Watchdog w = Watchdog.start("haproxy watchdog",
                        List.of(binary.path().toString(), "-db", "-f", config(prefix).toString()), "",
                        ProcessBuilder.Redirect.appendTo(console(prefix).toFile()));
                front = new HaproxyFront(binary, prefix, w, port, logDir);
            } catch (IOException e) {
                delete(prefix);
                throw new HarnessException("cannot write the HAProxy config into " + prefix + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                delete(prefix);
                throw e;
            }
            String failure = front.awaitReady();
            if (failure == null) {
                LOG.info("haproxy {} ready on 127.0.0.1:{} in front of {} (attempt {}, prefix {})", binary.version(), port,
                        instancePorts, attempt, prefix);
                return front;
            }
            String output = front.output();
            front.close();
            if (!output.contains(BIND_CLASH)) {
                throw new HarnessException("haproxy did not start on 127.0.0.1:" + port + ": " + failure
                        + "; config and log in " + logDir.toAbsolutePath() + "\n" + tail(output));
            }
            LOG.info("haproxy could not bind 127.0.0.1:{}; retrying on another port", port);
        }
        throw new HarnessException("haproxy found " + ATTEMPTS + " free loopback ports taken by the time it bound them");
    }

    /** Null when ready, else why not. */
    private String awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            if (!watchdog.isAlive()) {
                return "haproxy exited with code " + watchdog.exitCode();
            }
            if (output().contains(BIND_CLASH)) {
                return BIND_CLASH;
            }
            // Accepting alone could be another process that got the port first: the listener must be HAProxy's.
            if (FreePort.accepts(port, Duration.ofMillis(250)) && ownsListener(watchdog.treePids(), port)) {
                return null;
            }
            ProcessTree.sleep(POLL);
        }
        return Thread.currentThread().isInterrupted() ? "interrupted while waiting for haproxy"
                : "haproxy was not ready within " + READY_TIMEOUT.toMillis() + " ms";
    }

    /**
     * Whether one of these processes holds the socket listening on 127.0.0.1:port: its inode from
     * /proc/net/tcp (state 0A = LISTEN) among the processes' open descriptors.
     */
    static boolean ownsListener(List<Long> pids, int port) {
        String local = String.format("0100007F:%04X", port);
        Set<String> inodes = new HashSet<>();
        try (Stream<String> lines = Files.lines(Path.of("/proc/net/tcp"))) {
            lines.map(String::trim).map(l -> l.split("\\s+"))
                    .filter(f -> f.length > 9 && f[1].equals(local) && f[3].equals("0A"))
                    .forEach(f -> inodes.add("socket:[" + f[9] + "]"));
        } catch (IOException e) {
            return false;
        }
        for (long pid : pids) {
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                if (fds.anyMatch(fd -> inodes.contains(link(fd)))) {
                    return true;
                }
            } catch (IOException | UncheckedIOException e) {
                // Gone, or not ours to look at: not the owner.
            }
        }
        return false;
    }

    private static String link(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    public String version() {
        return binary.version();
    }

    /** The private prefix (its path is in HAProxy's command line: how a test finds this run's haproxy). */
    public Path prefix() {
        return prefix;
    }

    /** What HAProxy (and the watchdog) wrote so far. */
    public String output() {
        try {
            return Files.readString(console(prefix), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Watchdog and haproxy as they are now (for tests that check nothing survives). */
    public List<Long> processTreePids() {
        return watchdog.treePids();
    }

    /** Keeps config and log in the cell's folder, kills watchdog and haproxy, deletes the prefix. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Files.createDirectories(logDir);
            copy(config(prefix), logDir.resolve("haproxy.cfg"));
            copy(console(prefix), logDir.resolve("haproxy-console.log"));
        } catch (IOException e) {
            LOG.warn("cannot keep the HAProxy config and log in {}: {}", logDir, e.getMessage());
        }
        watchdog.close(); // throws naming survivors: the prefix then stays for a look
        delete(prefix);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(from)) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path config(Path prefix) {
        return prefix.resolve("haproxy.cfg");
    }

    private static Path console(Path prefix) {
        return prefix.resolve("console.log");
    }

    private static Path createPrefix() {
        try {
            return Files.createTempDirectory("wsbed-haproxy-");
        } catch (IOException e) {
            throw new HarnessException("cannot create a private HAProxy prefix: " + e.getMessage(), e);
        }
    }

    /** Deletes the prefix: HAProxy writes nothing there, so it holds the config and the console log only. */
    private static void delete(Path root) {
        try {
            Files.deleteIfExists(config(root));
            Files.deleteIfExists(console(root));
            Files.deleteIfExists(root);
        } catch (IOException e) {
            LOG.warn("cannot delete the HAProxy prefix {}: {}", root, e.getMessage());
        }
    }

    static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    @Override
    public String toString() {
        return "haproxy " + binary.version() + " on 127.0.0.1:" + port;
    }
}
