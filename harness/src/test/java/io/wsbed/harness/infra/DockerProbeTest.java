package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.process.FreePort;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe that lets wsbed.infra=auto decide before Testcontainers starts anything. */
class DockerProbeTest {
    @TempDir
    Path dir;

    @Test
    void dockerHostFromTheEnvironmentElseTheDefaultSocket() {
        assertEquals(URI.create("unix:///var/run/docker.sock"), DockerProbe.hostFrom(Map.of()));
        assertEquals(URI.create("unix:///var/run/docker.sock"), DockerProbe.hostFrom(Map.of("DOCKER_HOST", " ")));
        assertEquals(URI.create("tcp://127.0.0.1:2375"), DockerProbe.hostFrom(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")));
    }

    @Test
    void aMissingSocketMeansNoEngine() {
        try (DockerProbe probe = DockerProbe.at(URI.create("unix://" + dir.resolve("docker.sock")))) {
            assertEquals(Optional.empty(), probe.engine());
        }
    }

    @Test
    void aPortNobodyListensOnMeansNoEngine() {
        try (DockerProbe probe = DockerProbe.at(URI.create("tcp://127.0.0.1:" + FreePort.loopback()))) {
            assertEquals(Optional.empty(), probe.engine());
            assertEquals(Optional.empty(), probe.imageId("wsbed/nginx:local"));
        }
    }

    @Test
    void readsTheEngineVersionImagesAndNetworks() throws Exception {
        try (FakeDockerEngine engine = new FakeDockerEngine().holding("wsbed/nginx:local", "sha256:abc").withNetwork("host");
             DockerProbe probe = DockerProbe.at(engine.host())) {
            assertEquals(Optional.of("Docker 99.0.0-fake (API 1.41, linux)"), probe.engine());
            assertEquals(Optional.of("sha256:abc"), probe.imageId("wsbed/nginx:local"));
            assertEquals(Optional.empty(), probe.imageId("nginx:1.22.1"));
            assertEquals(Optional.empty(), probe.imageId("not an image/../x y"), "no odd request paths");
            assertTrue(probe.hasNetwork("host"));
            assertFalse(probe.hasNetwork("bridge"));
        }
    }
}
