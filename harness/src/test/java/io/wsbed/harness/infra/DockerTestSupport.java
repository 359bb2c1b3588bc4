package io.wsbed.harness.infra;

import com.github.dockerjava.api.model.Container;
import io.wsbed.harness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * For the tests that need a real Docker engine: they are skipped, with the reason
 * {@link Infrastructures} gives, unless a containers run could start here (engine, images, and
 * the Testcontainers settings such an engine needs). docker/ci-smoke.sh sets all of that up.
 */
final class DockerTestSupport {
    private DockerTestSupport() {
    }

    /** The decision a containers run would make here; skips the test when it would fail. */
    static Infrastructures.Decision requireContainers() {
        try (DockerProbe probe = DockerProbe.fromEnvironment()) {
            return Infrastructures.decide("containers", new ContainerImages(null, null), probe, System.getenv(),
                    Files.exists(Path.of("/.dockerenv")));
        } catch (HarnessException e) {
            Assumptions.abort("no containers here: " + e.getMessage());
            throw e;
        }
    }

    static ContainerInfrastructure connect(Infrastructures.Decision d) {
        return ContainerInfrastructure.connect(repoRoot(), 7, d.nginx(), d.toxiproxy(), d.engine());
    }

    /** The containers of one run, stopped or running. */
    static List<Container> containersOf(String runId) {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(ContainerReaper.RUN_LABEL, runId)).exec();
    }

    /** Waits until the run has no container left; returns how many were still there at the deadline. */
    static int awaitNoContainers(String runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int left = containersOf(runId).size();
        while (left > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = containersOf(runId).size();
        }
        return left;
    }

    /** The repository root: the first folder up from the working directory with the nginx template. */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("nginx/websocket-proxy.conf.template"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no nginx/websocket-proxy.conf.template above " + Path.of("").toAbsolutePath());
    }
}
