package io.wsbed.harness.infra;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.Watchdog;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Makes sure no container of a run outlives it, without Testcontainers' Ryuk (an image that must
 * be pulled). Every container carries the run's labels; close() and a JVM shutdown hook (Ctrl-C,
 * SIGTERM) remove them; a {@link io.wsbed.harness.process.Watchdog} removes them
 * when the JVM dies outright (SIGKILL); and a new run first removes what a dead run of this host
 * left behind.
 */
final class ContainerReaper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerReaper.class);
    /** The run a container belongs to. */
    static final String RUN_LABEL = "io.wsbed.run";
    /** "host pid start-ms" of the JVM that started it, to tell a dead owner from a live one. */
    static final String OWNER_LABEL = "io.wsbed.owner";
    static final String ROLE_LABEL = "io.wsbed.role";

    private final DockerClient docker;
    private final String runId;
    private final String owner;
    private final Watchdog watchdog;
    private final Thread hook;
    private final AtomicInteger names = new AtomicInteger();
    private boolean closed;

    private ContainerReaper(DockerClient docker, String runId, String owner, Watchdog watchdog) {
        this.docker = docker;
        this.runId = runId;
        this.owner = owner;
        this.watchdog = watchdog;
        this.hook = new Thread(this::removeAll, "wsbed-remove-containers");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Removes what dead runs left, then starts guarding a new run. */
    static ContainerReaper start(DockerClient docker) {
        ProcessHandle self = ProcessHandle.current();
        String owner = owner(hostname(), self.pid(), self.info().startInstant().orElse(Instant.EPOCH));
        String runId = Long.toString(self.pid()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt());
        ContainerReaper reaper = new ContainerReaper(docker, runId, owner, startWatchdog(runId));
        reaper.sweepDeadRuns();
        return reaper;
    }

    static String owner(String host, long pid, Instant start) {
        return host + " " + pid + " " + start.toEpochMilli();
    }

    /** True when the owner label names a process of this host that is no longer the one running. */
    static boolean ownerIsDead(String label, String host) {
        String[] parts = label == null ? new String[0] : label.split(" ");
        if (parts.length != 3 || !parts[0].equals(host)) {
            return false; // another machine's engine client, or not ours to judge
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long start = Long.parseLong(parts[2]);
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            return p.isEmpty() || p.get().info().startInstant().map(i -> i.toEpochMilli() != start).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Watchdog startWatchdog(String runId) {
        if (!dockerCliOnPath()) {
            LOG.warn("no docker CLI on PATH for the container watchdog: if this JVM is killed outright, its containers"
                    + " stay until the next containers run removes them");
            return null;
        }
        // runId is digits and hex: safe inside the shell text.
        String removeRun = "ids=$(docker ps -aq --filter \"label=" + RUN_LABEL + "=" + runId + "\");"
                + " [ -z \"$ids\" ] || docker rm -f $ids >/dev/null";
        try {
            return Watchdog.start("container watchdog", List.of(), removeRun, ProcessBuilder.Redirect.INHERIT);
        } catch (HarnessException e) {
            LOG.warn("no container watchdog ({}): if this JVM is killed outright, its containers stay until the next"
                    + " containers run removes them", e.getMessage());
            return null;
        }
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }

    String runId() {
        return runId;
    }

    /** The labels every container of this run carries. */
    Map<String, String> labels(String role) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(RUN_LABEL, runId);
        labels.put(OWNER_LABEL, owner);
        labels.put(ROLE_LABEL, role);
        return labels;
    }

    /** A container name that says what it is and which run it belongs to. */
    String nameFor(String role) {
        return "wsbed-" + role + "-" + runId + "-" + names.incrementAndGet();
    }

    /** Stops and removes one container (Testcontainers kills, then force-removes it). */
    void remove(GenericContainer<?> container) {
        try {
            container.stop();
        } catch (RuntimeException e) {
            LOG.warn("could not remove container {}: {}; the end of the run retries by label",
                    container.getContainerId(), e.getMessage());
        }
    }

    /** Removes every container labelled with this run; returns how many there were. */
    int removeAll() {
        return removeWhere(RUN_LABEL, runId, c -> true);
    }

    /** Removes containers whose owner JVM on this host is gone (a run killed before it could clean up). */
    int sweepDeadRuns() {
        String host = hostname();
        int removed = removeWhere(OWNER_LABEL, null, c -> ownerIsDead(c.getLabels().get(OWNER_LABEL), host));
        if (removed > 0) {
            LOG.warn("removed {} containers left by wsbed runs that died on this host", removed);
        }
        return removed;
    }

    private int removeWhere(String label, String value, java.util.function.Predicate<Container> which) {
        List<Container> found;
        try {
            found = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(value == null ? List.of(label) : List.of(label + "=" + value)).exec();
        } catch (RuntimeException e) {
            LOG.warn("cannot list containers labelled {}: {}", label, e.getMessage());
            return 0;
        }
        int removed = 0;
        for (Container c : found) {
            if (which.test(c)) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
                    removed++;
                } catch (RuntimeException e) {
                    LOG.debug("container {} already gone: {}", c.getId(), e.getMessage());
                }
            }
        }
        return removed;
    }

    /** Removes whatever the run still has and lets the watchdog go. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        int left = removeAll();
        if (left > 0) {
            LOG.warn("{} containers of run {} were still there at the end and were removed", left, runId);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or done.
        }
        stopWatchdog();
    }

    private void stopWatchdog() {
        if (watchdog == null) {
            return;
        }
        try {
            watchdog.close(); // it removes by label once more (finds nothing) and ends
        } catch (HarnessException e) {
            LOG.warn("the container watchdog did not end cleanly: {}", e.getMessage());
        }
    }

    /** Where the watchdog finds docker: on PATH, as the shell looks it up. */
    static boolean dockerCliOnPath() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "docker"))) {
                return true;
            }
        }
        return false;
    }
}
