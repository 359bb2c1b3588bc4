package io.wsbed.harness.infra;

import io.wsbed.harness.nginx.NginxConfigRenderer;
import io.wsbed.harness.nginx.NginxLifecycle;
import io.wsbed.harness.nginx.NginxSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * nginx and Toxiproxy as containers through Testcontainers, on the host's network so that every
 * socket stays on 127.0.0.1 and the stacks (host processes) are reached exactly as in local
 * mode. nginx gets one container per cell, started from the repository's template; Toxiproxy one
 * container per run, started on first use. Closing removes every container the run started.
 */
public final class ContainerInfrastructure implements Infrastructure {
    private final NginxConfigRenderer renderer;
    private final long seed;
    private final ContainerImages.Choice nginxImage;
    private final ContainerImages.Choice toxiproxyImage;
    private final String engine;
    private final ContainerReaper reaper;
    private ToxiproxyInContainer toxiproxy;
    private String nginxVersion;
    private boolean closed;

    private ContainerInfrastructure(NginxConfigRenderer renderer, long seed, ContainerImages.Choice nginxImage,
                                    ContainerImages.Choice toxiproxyImage, String engine, ContainerReaper reaper) {
        this.renderer = renderer;
        this.seed = seed;
        this.nginxImage = nginxImage;
        this.toxiproxyImage = toxiproxyImage;
        this.engine = engine;
        this.reaper = reaper;
    }

    /**
     * Connects Testcontainers to the engine, removes containers that dead runs left behind, and
     * starts guarding this run's containers. Nothing is started until a cell asks.
     *
     * @param root the repository root (nginx templates)
     * @param seed the run's seed, passed to Toxiproxy for its random draws
     * @param engine the engine's version line, for the report
     */
    public static ContainerInfrastructure connect(Path root, long seed, ContainerImages.Choice nginxImage,
                                                  ContainerImages.Choice toxiproxyImage, String engine) {
        NginxConfigRenderer renderer = NginxConfigRenderer.fromRepository(root);
        ContainerReaper reaper = ContainerReaper.start(DockerClientFactory.instance().client());
        return new ContainerInfrastructure(renderer, seed, nginxImage, toxiproxyImage, engine, reaper);
    }

    @Override
    public String kind() {
        return "containers";
    }

    @Override
    public synchronized Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nginx", "container " + nginxImage.label() + (nginxVersion == null ? "" : ", nginx " + nginxVersion)
                + ", host network");
        m.put("toxiproxy", toxiproxy != null ? toxiproxy.access().description() + ", host network"
                : "container " + toxiproxyImage.label() + " (not started: no cell used it)");
        // lb-failover's HAProxy is no container: it runs on this machine in both modes (README, HAProxy).
        m.put("haproxy", "local process " + io.wsbed.harness.haproxy.HaproxyBinary.describeLocal());
        m.put("docker", engine);
        return m;
    }

    @Override
    public Optional<String> nginxMissing() {
        return Optional.empty(); // the image was checked when the run chose containers
    }

    @Override
    public synchronized ToxiproxyAccess toxiproxy() {
        requireOpen();
        if (toxiproxy == null) {
            toxiproxy = ToxiproxyInContainer.start(toxiproxyImage, seed, reaper);
        }
        return toxiproxy.access();
    }

    @Override
    public NginxProxy startNginx(NginxSettings settings, int upstreamPort, Path logDir) {
        requireOpen();
        NginxLifecycle nginx = NginxLifecycle.start(NginxContainer.runtime(nginxImage, reaper), renderer, settings,
                upstreamPort, logDir);
        try {
            synchronized (this) {
                if (nginxVersion == null) {
                    nginxVersion = nginx.version(); // once per run, for the report's header
                }
            }
        } catch (RuntimeException e) {
            nginx.close();
            throw e;
        }
        return new LifecycleProxy(nginx);
    }

    /** The run id every container of this run is labelled with. */
    String runId() {
        return reaper.runId();
    }

    private synchronized void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the container infrastructure of run " + reaper.runId() + " is closed");
        }
    }

    /** Removes the Toxiproxy container and anything a cell left behind. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (toxiproxy != null) {
                toxiproxy.close();
            }
        } finally {
            reaper.close();
        }
    }
}
