package io.wsbed.harness.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How wsbed.infra turns into local processes or containers, and what it says when it cannot. */
class InfrastructuresTest {
    private static final ContainerImages DEFAULTS = new ContainerImages(null, null);
    private static final Map<String, String> RYUK_OFF = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true");

    private static FakeDockerEngine standIns() throws Exception {
        return new FakeDockerEngine().holding(ContainerImages.LOCAL_NGINX, "sha256:1111")
                .holding(ContainerImages.LOCAL_TOXIPROXY, "sha256:2222");
    }

    @Test
    void localNeverAsksDocker() {
        Infrastructure local = new NamedInfra("local");
        assertSame(local, Infrastructures.create("local", DEFAULTS, Path.of("."), 1, () -> local));
    }

    @Test
    void autoFallsBackToLocalWithoutAnEngine() {
        try (DockerProbe probe = DockerProbe.at(URI.create("tcp://127.0.0.1:" + FreePort.loopback()))) {
            var d = Infrastructures.decide("auto", DEFAULTS, probe, RYUK_OFF, false);
            assertFalse(d.containers());
            assertTrue(d.reason().startsWith("wsbed.infra=auto: no Docker engine answers at tcp://127.0.0.1:"), d.reason());
        }
    }

    @Test
    void containersWithoutAnEngineIsAConfigurationErrorThatNamesTheFix() {
        try (DockerProbe probe = DockerProbe.at(URI.create("tcp://127.0.0.1:" + FreePort.loopback()))) {
            var e = assertThrows(HarnessException.class, () -> Infrastructures.decide("containers", DEFAULTS, probe,
                    RYUK_OFF, false));
            assertTrue(e.getMessage().startsWith("Configuration error: wsbed.infra=containers, but no Docker engine")
                    && e.getMessage().contains("-Dwsbed.infra=local"), e.getMessage());
        }
    }

    @Test
    void autoNeverPullsSoAMissingImageMeansLocal() throws Exception {
        try (FakeDockerEngine engine = new FakeDockerEngine().holding(ContainerImages.LOCAL_NGINX, "sha256:1");
             DockerProbe probe = DockerProbe.at(engine.host())) {
            var d = Infrastructures.decide("auto", DEFAULTS, probe, RYUK_OFF, false);
            assertFalse(d.containers());
            assertTrue(d.reason().contains(ContainerImages.OFFICIAL_TOXIPROXY + " is not on the engine (auto never pulls)"),
                    d.reason());
        }
    }

    @Test
    void containersMayPullAnOfficialImageButNeverAStandIn() throws Exception {
        try (FakeDockerEngine engine = new FakeDockerEngine(); DockerProbe probe = DockerProbe.at(engine.host())) {
            var d = Infrastructures.decide("containers", DEFAULTS, probe, Map.of(), false);
            assertTrue(d.containers(), "a normal Docker host pulls the official images (and Ryuk)");
            assertEquals(ContainerImages.OFFICIAL_NGINX, d.nginx().name());
            var e = assertThrows(HarnessException.class, () -> Infrastructures.decide("containers",
                    new ContainerImages(ContainerImages.LOCAL_NGINX, null), probe, RYUK_OFF, false));
            assertTrue(e.getMessage().contains("build it with docker/build-images.sh"), e.getMessage());
        }
    }

    @Test
    void autoPicksContainersWhenTheEngineHoldsTheStandIns() throws Exception {
        try (FakeDockerEngine engine = standIns(); DockerProbe probe = DockerProbe.at(engine.host())) {
            var d = Infrastructures.decide("auto", DEFAULTS, probe, RYUK_OFF, false);
            assertTrue(d.containers(), d.reason());
            assertEquals(ContainerImages.LOCAL_NGINX, d.nginx().name());
            assertEquals(ContainerImages.LOCAL_TOXIPROXY, d.toxiproxy().name());
            assertEquals("Docker 99.0.0-fake (API 1.41, linux)", d.engine());
        }
    }

    @Test
    void standInsWithRyukEnabledAndItsImageMissingWouldPullSoTheyAreRefused() throws Exception {
        try (FakeDockerEngine engine = standIns(); DockerProbe probe = DockerProbe.at(engine.host())) {
            assertFalse(Infrastructures.decide("auto", DEFAULTS, probe, Map.of(), false).containers());
            var e = assertThrows(HarnessException.class, () -> Infrastructures.decide("containers", DEFAULTS, probe,
                    Map.of(), false));
            assertTrue(e.getMessage().contains("TESTCONTAINERS_RYUK_DISABLED=true"), e.getMessage());
            engine.holding("testcontainers/ryuk:0.14.0", "sha256:3333");
            assertTrue(Infrastructures.decide("containers", DEFAULTS, probe, Map.of(), false).containers(),
                    "Ryuk's image on the engine: nothing to pull");
        }
    }

    @Test
    void insideAContainerWithoutABridgeNetworkTheHostOverrideIsNeeded() throws Exception {
        try (FakeDockerEngine engine = standIns(); DockerProbe probe = DockerProbe.at(engine.host())) {
            var e = assertThrows(HarnessException.class, () -> Infrastructures.decide("containers", DEFAULTS, probe,
                    RYUK_OFF, true));
            assertTrue(e.getMessage().contains("TESTCONTAINERS_HOST_OVERRIDE=localhost"), e.getMessage());
            var env = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true", "TESTCONTAINERS_HOST_OVERRIDE", "localhost");
            assertTrue(Infrastructures.decide("containers", DEFAULTS, probe, env, true).containers());
            engine.withNetwork("bridge");
            assertTrue(Infrastructures.decide("containers", DEFAULTS, probe, RYUK_OFF, true).containers());
        }
    }

    @Test
    void anUnknownModeIsAConfigurationError() throws Exception {
        try (FakeDockerEngine engine = standIns(); DockerProbe probe = DockerProbe.at(engine.host())) {
            var e = assertThrows(HarnessException.class, () -> Infrastructures.decide("docker", DEFAULTS, probe,
                    RYUK_OFF, false));
            assertEquals("Configuration error: wsbed.infra must be one of [local, containers, auto], got 'docker'",
                    e.getMessage());
        }
    }

    /** An infrastructure that is only compared by identity. */
    private record NamedInfra(String kind) implements Infrastructure {
        @Override
        public Map<String, Object> describe() {
            return Map.of();
        }

        @Override
        public java.util.Optional<String> nginxMissing() {
            return java.util.Optional.empty();
        }

        @Override
        public ToxiproxyAccess toxiproxy() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NginxProxy startNginx(io.wsbed.harness.nginx.NginxSettings s, int upstreamPort, Path logDir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
