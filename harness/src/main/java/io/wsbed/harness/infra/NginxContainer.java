package io.wsbed.harness.infra;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.nginx.NginxConfigRenderer;
import io.wsbed.harness.nginx.NginxReload;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.process.FreePort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * nginx in a container on the host's network, running the same rendered config as a local nginx:
 * it listens on 127.0.0.1:{@link #port()} of the host in front of 127.0.0.1:upstream. The config's
 * relative paths resolve against a prefix inside the container; reload is {@code nginx -s reload}
 * through exec, confirmed by a new worker pid; the logs are copied to the cell's folder on close.
 */
final class NginxContainer implements NginxProxy {
    private static final Logger LOG = LoggerFactory.getLogger(NginxContainer.class);
    static final String PREFIX = "/wsbed/";
    static final String CONFIG = PREFIX + "conf/nginx.conf";
    static final String PID_FILE = PREFIX + "logs/nginx.pid";
    static final int MAX_ATTEMPTS = 5;
    private static final String BIND_CLASH = "Address already in use";
    private static final Pattern VERSION = Pattern.compile("nginx version: [^/\\s]+/(\\S+)");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

    private final GenericContainer<?> container;
    private final NginxConfigRenderer renderer;
    private final int port;
    private final int upstreamPort;
    private final Path logFolder;
    private final ContainerReaper reaper;
    private String config;
    private boolean closed;

    private NginxContainer(GenericContainer<?> container, NginxConfigRenderer renderer, int port, int upstreamPort,
                           Path logFolder, ContainerReaper reaper, String config) {
        this.container = container;
        this.renderer = renderer;
        this.port = port;
        this.upstreamPort = upstreamPort;
        this.logFolder = logFolder;
        this.reaper = reaper;
        this.config = config;
    }

    /**
     * Starts nginx on a free loopback port, retrying with another one when the port was taken
     * meanwhile (host networking: nginx binds the host's port itself).
     */
    static NginxContainer start(ContainerImages.Choice image, NginxConfigRenderer renderer, NginxSettings settings,
                                int upstreamPort, Path logFolder, ContainerReaper reaper) {
        long began = System.nanoTime();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int port = FreePort.loopback();
            String config = renderer.render(settings, port, upstreamPort);
            GenericContainer<?> c = create(image, config, port, reaper);
            try {
                c.start();
                LOG.info("nginx container {} ({}) ready on 127.0.0.1:{} -> 127.0.0.1:{} in {} ms (attempt {})",
                        LoopbackWait.shortId(c.getContainerId()), image.name(), port, upstreamPort,
                        (System.nanoTime() - began) / 1_000_000, attempt);
                return new NginxContainer(c, renderer, port, upstreamPort, logFolder, reaper, config);
            } catch (ContainerLaunchException | IllegalStateException e) {
                if (!clashed(e)) {
                    String logs = safeLogs(c);
                    new NginxContainer(c, renderer, port, upstreamPort, logFolder, reaper, config).close();
                    throw new HarnessException("nginx container (" + image.name() + ") did not start on 127.0.0.1:"
                            + port + ": " + rootMessage(e) + "; logs in " + logFolder.toAbsolutePath() + "\n"
                            + LoopbackWait.tail(logs), e);
                }
                LOG.info("nginx container could not bind 127.0.0.1:{} ({}); retrying on another port", port, BIND_CLASH);
                reaper.remove(c);
            }
        }
        throw new HarnessException("nginx found every one of " + MAX_ATTEMPTS + " free loopback ports taken by the time"
                + " it bound them; is something grabbing ports on 127.0.0.1?");
    }

    private static GenericContainer<?> create(ContainerImages.Choice image, String config, int port,
                                              ContainerReaper reaper) {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image.name()));
        // The official image's entry point runs setup scripts first; nginx itself is all we need.
        c.withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("nginx").withName(reaper.nameFor("nginx")));
        // -e stderr: errors before the config is read (and the bind clash) show in the container's output.
        c.withCommand("-p", PREFIX, "-c", CONFIG, "-e", "stderr");
        c.withCopyToContainer(Transferable.of(config), CONFIG);
        // nginx opens logs/ and temp/ below the prefix but creates neither: an empty file makes each.
        c.withCopyToContainer(Transferable.of(new byte[0]), PREFIX + "logs/.keep");
        c.withCopyToContainer(Transferable.of(new byte[0]), PREFIX + "temp/.keep");
        c.withNetworkMode("host");
        c.withImagePullPolicy(new LocalImagePullPolicy());
        c.withLabels(reaper.labels("nginx"));
        c.withStartupAttempts(1);
        c.waitingFor(LoopbackWait.forTcp(port, BIND_CLASH)
                .confirmedBy(() -> exec(c, "cat", PID_FILE).getExitCode() == 0)
                .withStartupTimeout(READY_TIMEOUT));
        return c;
    }

    private static boolean clashed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LoopbackWait.FatalLine) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public int port() {
        return port;
    }

    /** Re-renders the config with new settings, copies it in, reloads, and waits for a new worker. */
    @Override
    public synchronized NginxReload reload(NginxSettings settings) {
        if (closed) {
            throw new IllegalStateException("cannot reload: the nginx container on port " + port + " is closed");
        }
        long master = masterPid();
        Set<Long> before = workers(master);
        String next = renderer.render(settings, port, upstreamPort);
        container.copyFileToContainer(Transferable.of(next), CONFIG);
        config = next;
        long began = System.nanoTime();
        ExecResult r = exec(container, "nginx", "-p", PREFIX, "-c", CONFIG, "-e", "stderr", "-s", "reload");
        if (r.getExitCode() != 0) {
            throw new HarnessException("nginx -s reload in container " + id() + " exited with " + r.getExitCode()
                    + ": " + r.getStderr().strip());
        }
        long deadline = began + RELOAD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            Set<Long> fresh = new HashSet<>(workers(master));
            fresh.removeAll(before);
            if (!fresh.isEmpty()) {
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                LOG.info("nginx container {} reloaded in {} ms: workers {} -> {}", id(), took.toMillis(), before, fresh);
                return new NginxReload(before, fresh, took);
            }
        }
        throw new HarnessException("nginx in container " + id() + " started no new worker within "
                + RELOAD_TIMEOUT.toMillis() + " ms of 'nginx -s reload' (workers before: " + before + ")\n"
                + LoopbackWait.tail(safeLogs(container)));
    }

    /** The version nginx prints for {@code nginx -v} (e.g. 1.22.1), or "?" when it prints none. */
    String version() {
        ExecResult r = exec(container, "nginx", "-v");
        Matcher m = VERSION.matcher(r.getStderr() + r.getStdout());
        return m.find() ? m.group(1) : "?";
    }

    private long masterPid() {
        ExecResult r = exec(container, "cat", PID_FILE);
        try {
            return Long.parseLong(r.getStdout().strip());
        } catch (NumberFormatException e) {
            throw new HarnessException("nginx in container " + id() + " has no readable pid file " + PID_FILE
                    + " (exit " + r.getExitCode() + ": " + r.getStderr().strip() + ")");
        }
    }

    private Set<Long> workers(long master) {
        String stats = exec(container, ContainerProcesses.LIST_COMMAND).getStdout();
        return ContainerProcesses.children(ContainerProcesses.parse(stats), master, "nginx");
    }

    private static ExecResult exec(GenericContainer<?> c, String... command) {
        try {
            return c.execInContainer(command);
        } catch (IOException e) {
            throw new HarnessException("cannot exec " + String.join(" ", command) + " in container "
                    + LoopbackWait.shortId(c.getContainerId()) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while running " + String.join(" ", command) + " in a container", e);
        }
    }

    private String id() {
        return LoopbackWait.shortId(container.getContainerId());
    }

    /** Copies config and logs to the log folder (as a local nginx leaves them), then removes the container. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            keepLogs();
        } finally {
            reaper.remove(container);
        }
    }

    private void keepLogs() {
        try {
            Files.createDirectories(logFolder);
            Files.writeString(logFolder.resolve("nginx.conf"), config, StandardCharsets.UTF_8);
            Files.writeString(logFolder.resolve("nginx-console.log"), safeLogs(container), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write the nginx logs to " + logFolder + ": " + e.getMessage(), e);
        }
        if (container.getContainerId() == null) {
            return;
        }
        copyOut(PREFIX + "logs/error.log", "nginx-error.log");
        copyOut(PREFIX + "logs/access.log", "nginx-access.log");
    }

    private void copyOut(String inside, String name) {
        try {
            container.copyFileFromContainer(inside, logFolder.resolve(name).toString());
        } catch (RuntimeException e) {
            LOG.debug("no {} in nginx container {}: {}", inside, id(), e.getMessage());
        }
    }

    private static String safeLogs(GenericContainer<?> c) {
        try {
            return c.getContainerId() == null ? "" : c.getLogs();
        } catch (RuntimeException e) {
            return "(container output unavailable: " + e.getMessage() + ")";
        }
    }
}
