package io.wsbed.harness.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Toxiproxy server in a container through Testcontainers' Toxiproxy module, on the host's
 * network: its API listens on a free 127.0.0.1 port of the host ({@code -host=127.0.0.1
 * -port=N}), and the proxies it opens on 127.0.0.1:0 are directly reachable, so none of the
 * module's port mappings are used. Driven with toxiproxy-java like every other Toxiproxy.
 */
final class ToxiproxyInContainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ToxiproxyInContainer.class);
    /** The module accepts only Shopify's image names; any other is declared a compatible substitute. */
    private static final DockerImageName REFERENCE = DockerImageName.parse("ghcr.io/shopify/toxiproxy");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToxiproxyContainer container;
    private final ContainerReaper reaper;
    private final ToxiproxyAccess access;

    private ToxiproxyInContainer(ToxiproxyContainer container, ContainerReaper reaper, ToxiproxyAccess access) {
        this.container = container;
        this.reaper = reaper;
        this.access = access;
    }

    /** Starts the server and waits until {@code GET /version} answers. */
    static ToxiproxyInContainer start(ContainerImages.Choice image, long seed, ContainerReaper reaper) {
        long began = System.nanoTime();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            int port = FreePort.loopback();
            ToxiproxyContainer c = create(image, port, seed, reaper);
            try {
                c.start();
            } catch (ContainerLaunchException | IllegalStateException e) {
                String logs = c.getContainerId() == null ? "" : c.getLogs();
                reaper.remove(c);
                if (logs.toLowerCase(java.util.Locale.ROOT).contains("address already in use") && attempt < MAX_ATTEMPTS) {
                    LOG.info("Toxiproxy container could not bind 127.0.0.1:{}; retrying on another port", port);
                    continue;
                }
                throw new HarnessException("the Toxiproxy container (" + image.name() + ") did not start on 127.0.0.1:"
                        + port + ": " + e.getMessage() + "\n" + LoopbackWait.tail(logs), e);
            }
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", port);
            String version = version(client, c);
            LOG.info("Toxiproxy container {} ({}, server {}) ready at http://127.0.0.1:{} in {} ms",
                    LoopbackWait.shortId(c.getContainerId()), image.name(), version, port,
                    (System.nanoTime() - began) / 1_000_000);
            // No port in the description: it lands in the report header, which should not change run to run.
            return new ToxiproxyInContainer(c, reaper, new ToxiproxyAccess(client, "127.0.0.1", "127.0.0.1",
                    "container " + image.label() + ", server " + version));
        }
        throw new HarnessException("the Toxiproxy container found " + MAX_ATTEMPTS + " free loopback ports taken");
    }

    private static ToxiproxyContainer create(ContainerImages.Choice image, int port, long seed, ContainerReaper reaper) {
        ToxiproxyContainer c = new ToxiproxyContainer(DockerImageName.parse(image.name()).asCompatibleSubstituteFor(REFERENCE));
        // Host networking: the module's exposed ports (8474, 8666-8697) would only be discarded.
        c.setExposedPorts(new ArrayList<>());
        c.withNetworkMode("host");
        // The reference server's own flags; the wsbed stand-in accepts the same.
        c.withCommand("-host=127.0.0.1", "-port=" + port, "-seed=" + seed);
        c.withCreateContainerCmdModifier(cmd -> cmd.withName(reaper.nameFor("toxiproxy")));
        c.withImagePullPolicy(new LocalImagePullPolicy());
        c.withLabels(reaper.labels("toxiproxy"));
        c.withStartupAttempts(1);
        c.waitingFor(LoopbackWait.forHttp(port, "/version", "address already in use").withStartupTimeout(READY_TIMEOUT));
        return c;
    }

    /** The server's version: toxiproxy-java hands back the body of GET /version, {"version": "..."}. */
    private static String version(ToxiproxyClient client, ToxiproxyContainer c) {
        try {
            String body = client.version();
            try {
                return JSON.readTree(body).path("version").asText(body.strip());
            } catch (IOException notJson) {
                return body.strip(); // an older server answers with the bare version
            }
        } catch (IOException e) {
            throw new HarnessException("the Toxiproxy container " + LoopbackWait.shortId(c.getContainerId())
                    + " answered /version during its start but not now: " + e.getMessage(), e);
        }
    }

    ToxiproxyAccess access() {
        return access;
    }

    @Override
    public void close() {
        reaper.remove(container);
    }
}
