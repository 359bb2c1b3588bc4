package io.wsbed.harness.infra;

import io.wsbed.harness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Picks a run's infrastructure from {@code wsbed.infra}: {@code local} (processes on this
 * machine), {@code containers} (Testcontainers; fails naming the fix when it cannot), or
 * {@code auto} (containers when a Docker engine answers and holds the images, local otherwise),
 * and says in the run log which it chose and why.
 */
public final class Infrastructures {
    private static final Logger LOG = LoggerFactory.getLogger(Infrastructures.class);
    /** The values of wsbed.infra. */
    public static final List<String> MODES = List.of("local", "containers", "auto");
    /** The default of wsbed.infra. */
    public static final String DEFAULT_MODE = "local";
    /**
     * The image Testcontainers 2.0.5 starts for Ryuk (its RyukContainer; the configuration's
     * getRyukImage() is a tagless leftover): update together with testcontainers.version.
     */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";

    /**
     * What the run will use and why.
     *
     * @param containers true for containers, false for local processes
     * @param reason one sentence for the run log
     * @param nginx the nginx image (containers only)
     * @param toxiproxy the Toxiproxy image (containers only)
     * @param engine the engine's version line (containers only)
     */
    record Decision(boolean containers, String reason, ContainerImages.Choice nginx, ContainerImages.Choice toxiproxy,
                    String engine) {
        static Decision local(String reason) {
            return new Decision(false, reason, null, null, null);
        }
    }

    private Infrastructures() {
    }

    /**
     * Creates the run's infrastructure.
     *
     * @param mode local, containers or auto
     * @param images the configured images (null fields = default choice)
     * @param root the repository root
     * @param seed the run's seed
     * @param local makes the local infrastructure when that is the choice
     */
    public static Infrastructure create(String mode, ContainerImages images, Path root, long seed,
                                        Supplier<Infrastructure> local) {
        Decision d;
        if (DEFAULT_MODE.equals(mode)) {
            d = Decision.local("wsbed.infra=local");
        } else {
            try (DockerProbe probe = DockerProbe.fromEnvironment()) {
                d = decide(mode, images, probe, System.getenv(), Files.exists(Path.of("/.dockerenv")));
            }
        }
        if (!d.containers()) {
            LOG.info("wsbed: infrastructure local: nginx and Toxiproxy run on this machine ({})", d.reason());
            return local.get();
        }
        LOG.info("wsbed: infrastructure containers ({}); engine {}", d.reason(), d.engine());
        LOG.info("wsbed: nginx image {}: {}", d.nginx().label(), d.nginx().why());
        LOG.info("wsbed: Toxiproxy image {}: {}", d.toxiproxy().label(), d.toxiproxy().why());
        return ContainerInfrastructure.connect(root, seed, d.nginx(), d.toxiproxy(), d.engine());
    }

    /**
     * The choice for containers or auto, from what the engine answers.
     *
     * @param env the environment Testcontainers will read (TESTCONTAINERS_*)
     * @param inContainer whether this JVM itself runs in a container (Testcontainers checks /.dockerenv)
     */
    static Decision decide(String mode, ContainerImages images, DockerProbe probe, Map<String, String> env,
                           boolean inContainer) {
        if (!MODES.contains(mode)) {
            throw HarnessException.configuration("wsbed.infra must be one of " + MODES + ", got '" + mode + "'");
        }
        boolean auto = "auto".equals(mode);
        Optional<String> engine = probe.engine();
        if (engine.isEmpty()) {
            return refuse(auto, "no Docker engine answers at " + probe.host(),
                    "start one (see docker/README.md), point DOCKER_HOST at it, or use -Dwsbed.infra=local");
        }
        ContainerImages.Choice nginx = images.chooseNginx(probe::imageId);
        ContainerImages.Choice toxiproxy = images.chooseToxiproxy(probe::imageId);
        for (ContainerImages.Choice c : List.of(nginx, toxiproxy)) {
            if (!c.local() && (auto || c.builtHere())) {
                return refuse(auto, "image " + c.name() + " is not on the engine" + (auto ? " (auto never pulls)" : "")
                        + " and no registry has it", c.builtHere() ? "build it with docker/build-images.sh"
                        : "pull it (docker pull " + c.name() + ") or build the stand-ins with docker/build-images.sh");
            }
        }
        String ryuk = ryukImage();
        if (!ryukDisabled(env) && (nginx.builtHere() || toxiproxy.builtHere()) && probe.imageId(ryuk).isEmpty()) {
            return refuse(auto, "Testcontainers' Ryuk would pull " + ryuk + ", and local stand-in images mean there is"
                    + " no registry to pull it from", "set TESTCONTAINERS_RYUK_DISABLED=true (wsbed removes its own"
                    + " containers, also when the run is killed)");
        }
        // Inside a container, Testcontainers looks for the engine's address on the "bridge" network,
        // which an engine started with --bridge=none does not have; host networking needs none.
        if (inContainer && isBlank(env.get("TESTCONTAINERS_HOST_OVERRIDE")) && !probe.hasNetwork("bridge")) {
            return refuse(auto, "this JVM runs inside a container and the engine has no bridge network, where"
                    + " Testcontainers would look for the engine's address", "set TESTCONTAINERS_HOST_OVERRIDE=localhost"
                    + " (containers use the host's network, so localhost is right)");
        }
        String reason = auto ? "wsbed.infra=auto: a Docker engine answers at " + probe.host() + " and holds both images"
                : "wsbed.infra=containers";
        return new Decision(true, reason, nginx, toxiproxy, engine.get());
    }

    private static Decision refuse(boolean auto, String why, String fix) {
        if (auto) {
            return Decision.local("wsbed.infra=auto: " + why + "; to run containers: " + fix);
        }
        throw HarnessException.configuration("wsbed.infra=containers, but " + why + "; " + fix);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The reaper image Testcontainers would start, after any substitution configured for it. */
    static String ryukImage() {
        return ImageNameSubstitutor.instance().apply(DockerImageName.parse(RYUK_IMAGE)).asCanonicalNameString();
    }

    static boolean ryukDisabled(Map<String, String> env) {
        return Boolean.parseBoolean(env.get("TESTCONTAINERS_RYUK_DISABLED"));
    }
}
