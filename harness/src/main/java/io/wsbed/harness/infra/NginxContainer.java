package io.wsbed.harness.infra;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.nginx.NginxMaster;
import io.wsbed.harness.nginx.NginxRuntime;
import io.wsbed.harness.process.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * nginx in a container on the host's network, running the same rendered config as a local nginx
 * (so it binds 127.0.0.1 of the host itself). The config's relative paths resolve against a
 * prefix inside the container; signals are {@code nginx -s} through exec, workers are read from
 * the container's /proc. The run's {@link ContainerReaper} removes the container even when the
 * JVM is killed.
 */
final class NginxContainer implements NginxMaster {
    private static final Logger LOG = LoggerFactory.getLogger(NginxContainer.class);
    static final String PREFIX = "/wsbed/";
    static final String CONFIG = PREFIX + "conf/nginx.conf";
    static final String PID_FILE = PREFIX + "logs/nginx.pid";
    private static final Pattern VERSION = Pattern.compile("nginx version: [^/\\s]+/(\\S+)");
    private static final Duration POLL = Duration.ofMillis(50);

    private final GenericContainer<?> container;
    private final ContainerReaper reaper;
    private final String image;
    private final String launchFailure;
    private String config;
    private boolean closed;

    private NginxContainer(GenericContainer<?> container, ContainerReaper reaper, String image, String config,
                           String launchFailure) {
        this.container = container;
        this.reaper = reaper;
        this.image = image;
        this.config = config;
        this.launchFailure = launchFailure;
    }

    /** The runtime that starts one container of the image per nginx, labelled for the run's reaper. */
    static NginxRuntime runtime(ContainerImages.Choice image, ContainerReaper reaper) {
        return config -> start(image, config, reaper);
    }

    private static NginxContainer start(ContainerImages.Choice image, String config, ContainerReaper reaper) {
        GenericContainer<?> c = create(image, config, reaper);
        try {
            c.start();
            return new NginxContainer(c, reaper, image.name(), config, null);
        } catch (ContainerLaunchException | IllegalStateException e) {
            // nginx exited at once (a broken config, say): the lifecycle reports it with its output and logs.
            return new NginxContainer(c, reaper, image.name(), config, rootMessage(e));
        }
    }

    private static GenericContainer<?> create(ContainerImages.Choice image, String config, ContainerReaper reaper) {
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
        c.waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {
                // Readiness is NginxLifecycle's, the same as for a local nginx.
            }
        });
        return c;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The version nginx prints for {@code nginx -v} (e.g. 1.22.1), or "?" when it prints none. */
    @Override
    public String version() {
        ExecResult r = exec("nginx", "-v");
        Matcher m = VERSION.matcher(r.getStderr() + r.getStdout());
        return m.find() ? m.group(1) : "?";
    }

    @Override
    public String describe() {
        return "container " + id() + ", " + image;
    }

    @Override
    public boolean isAlive() {
        return launchFailure == null && container.isRunning();
    }

    @Override
    public String exitReason() {
        if (launchFailure != null) {
            return "the container did not start: " + launchFailure;
        }
        try {
            return "nginx exited with code " + container.getCurrentContainerInfo().getState().getExitCodeLong();
        } catch (RuntimeException e) {
            return "the container is gone (" + e.getMessage() + ")";
        }
    }

    @Override
    public String output() {
        try {
            return container.getContainerId() == null ? "" : container.getLogs();
        } catch (RuntimeException e) {
            return "(container output unavailable: " + e.getMessage() + ")";
        }
    }

    /** The pid in nginx's pid file inside the container (the container's pid, not the host's). */
    @Override
    public OptionalLong readPid() {
        try {
            ExecResult r = exec("cat", PID_FILE);
            return r.getExitCode() == 0 ? OptionalLong.of(Long.parseLong(r.getStdout().strip())) : OptionalLong.empty();
        } catch (NumberFormatException | IllegalStateException e) {
            // Not written completely yet, or the container just stopped: the next poll tells.
            LOG.debug("no nginx pid from container {} yet: {}", id(), e.getMessage());
            return OptionalLong.empty();
        }
    }

    @Override
    public Set<Long> workerPids(long masterPid) {
        String stats = exec(ContainerProcesses.LIST_COMMAND).getStdout();
        return ContainerProcesses.children(ContainerProcesses.parse(stats), masterPid, "nginx");
    }

    @Override
    public synchronized void writeConfig(String next) {
        container.copyFileToContainer(Transferable.of(next), CONFIG);
        config = next;
    }

    @Override
    public void signal(String signal) {
        ExecResult r = exec("nginx", "-p", PREFIX, "-c", CONFIG, "-e", "stderr", "-s", signal);
        if (r.getExitCode() != 0) {
            throw new HarnessException("nginx -s " + signal + " in container " + id() + " exited with "
                    + r.getExitCode() + ": " + r.getStderr().strip());
        }
    }

    @Override
    public boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isAlive() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            ProcessTree.sleep(POLL);
        }
        return !isAlive();
    }

    private ExecResult exec(String... command) {
        try {
            return container.execInContainer(command);
        } catch (IOException e) {
            throw new HarnessException("cannot exec " + String.join(" ", command) + " in container " + id()
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while running " + String.join(" ", command) + " in a container", e);
        }
    }

    private String id() {
        return LoopbackWait.shortId(container.getContainerId());
    }

    /** Writes the config, the container's output and nginx's logs to the folder, as a local nginx leaves them. */
    @Override
    public synchronized void keepLogs(Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("nginx.conf"), config, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("nginx-console.log"), output(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write the nginx logs to " + folder + ": " + e.getMessage(), e);
        }
        if (container.getContainerId() == null) {
            return;
        }
        copyOut(PREFIX + "logs/error.log", folder.resolve("nginx-error.log"));
        copyOut(PREFIX + "logs/access.log", folder.resolve("nginx-access.log"));
    }

    private void copyOut(String inside, Path to) {
        try {
            container.copyFileFromContainer(inside, to.toString());
        } catch (RuntimeException e) {
            LOG.debug("no {} in nginx container {}: {}", inside, id(), e.getMessage());
        }
    }

    /** Removes the container (Testcontainers kills it first). Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            reaper.remove(container);
        }
    }
}
