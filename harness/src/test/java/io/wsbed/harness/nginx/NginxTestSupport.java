package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsbed.harness.process.ProcessTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Shared fixtures: the real nginx (tests are skipped with the reason when it is missing), the template, log folders. */
final class NginxTestSupport {
    static final NginxSettings FAST = NginxSettings.NGINX_DEFAULTS
            .withReadTimeout(Duration.ofSeconds(1))
            .withSendTimeout(Duration.ofSeconds(1))
            .withWorkerShutdownTimeout(Duration.ofSeconds(2));

    private NginxTestSupport() {
    }

    static NginxBinary nginx() {
        NginxLookup lookup = NginxLookup.locate(System.getProperty("wsbed.nginx.bin"));
        assumeTrue(lookup.found(), NginxLookup.MISSING_REASON);
        return lookup.binary();
    }

    /** The repository root: the first folder up from the working directory that holds the template. */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(NginxConfigRenderer.WEBSOCKET_PROXY_TEMPLATE))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + NginxConfigRenderer.WEBSOCKET_PROXY_TEMPLATE
                + " above " + Path.of("").toAbsolutePath());
    }

    static NginxConfigRenderer renderer() {
        return NginxConfigRenderer.fromRepository(repoRoot());
    }

    static Path logFolder(String test) {
        return Path.of("target", "nginx-test-logs", test).toAbsolutePath();
    }

    /** Starts a local nginx through the lifecycle, as LocalInfrastructure does. */
    static NginxLifecycle start(NginxBinary nginx, NginxConfigRenderer renderer, NginxSettings settings, int upstreamPort,
            Path logFolder) {
        return NginxLifecycle.start(NginxProcess.runtime(nginx), renderer, settings, upstreamPort, logFolder);
    }

    /** Watchdog, master and workers of a local nginx as they are now. */
    static List<Long> processTreePids(NginxLifecycle nginx) {
        return ((NginxProcess) nginx.master()).processTreePids();
    }

    /** The pids among the given ones that still run (zombies count as gone). */
    static List<Long> stillRunning(List<Long> pids) {
        return pids.stream().filter(ProcessTree::isRunning).collect(Collectors.toList());
    }

    /** Polls until none of the pids runs; returns how long that took, or throws naming the survivors. */
    static Duration awaitAllGone(List<Long> pids, Duration timeout) {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        while (!stillRunning(pids).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processes " + stillRunning(pids) + " of " + pids
                        + " still run " + timeout.toMillis() + " ms later");
            }
            ProcessTree.sleep(Duration.ofMillis(10));
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** Last-resort cleanup for a failed test: SIGKILL whatever of the pids still runs. */
    static void killQuietly(List<Long> pids) {
        pids.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
}
