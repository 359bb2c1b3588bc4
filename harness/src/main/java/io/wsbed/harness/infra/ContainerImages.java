package io.wsbed.harness.infra;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which nginx and Toxiproxy images a containers run uses: the ones configured
 * ({@code wsbed.nginx.image}, {@code wsbed.toxiproxy.image}), or else the official image when the
 * engine holds it, the locally built stand-in (docker/build-images.sh) when only that is there,
 * and the official image (to be pulled) when neither is.
 *
 * @param nginx the configured nginx image, or null for the default choice
 * @param toxiproxy the configured Toxiproxy image, or null for the default choice
 */
public record ContainerImages(String nginx, String toxiproxy) {
    /** The official nginx image; 1.22.1 is the version Debian bookworm ships, so both modes agree. */
    public static final String OFFICIAL_NGINX = "nginx:1.22.1";
    /** Shopify's image; 2.12.0 is the version wsbed's embedded server follows. */
    public static final String OFFICIAL_TOXIPROXY = "ghcr.io/shopify/toxiproxy:2.12.0";
    /** Stand-ins built from Debian packages by docker/build-images.sh; never pulled. */
    public static final String LOCAL_NGINX = "wsbed/nginx:local";
    public static final String LOCAL_TOXIPROXY = "wsbed/toxiproxy:local";
    /** Images under this prefix exist only where docker/build-images.sh ran. */
    static final String LOCAL_PREFIX = "wsbed/";

    /**
     * One image decision.
     *
     * @param name the image reference to run
     * @param id the engine's image id, or empty when it must be pulled first
     * @param why how it was chosen, for the run log
     */
    public record Choice(String name, Optional<String> id, String why) {
        public Choice {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(id, "id");
        }

        /** Present on the engine: nothing will be pulled for it. */
        public boolean local() {
            return id.isPresent();
        }

        /** A stand-in built here: no registry has it, so it is never pulled. */
        public boolean builtHere() {
            return name.startsWith(LOCAL_PREFIX);
        }

        /** "wsbed/nginx:local (sha256:0123456789ab)" for the report's run header. */
        public String label() {
            return name + id.map(i -> " (" + shortId(i) + ")").orElse(" (not yet pulled)");
        }
    }

    public Choice chooseNginx(Function<String, Optional<String>> idOf) {
        return choose("wsbed.nginx.image", nginx, OFFICIAL_NGINX, LOCAL_NGINX, idOf);
    }

    public Choice chooseToxiproxy(Function<String, Optional<String>> idOf) {
        return choose("wsbed.toxiproxy.image", toxiproxy, OFFICIAL_TOXIPROXY, LOCAL_TOXIPROXY, idOf);
    }

    static Choice choose(String key, String configured, String official, String local,
                         Function<String, Optional<String>> idOf) {
        if (configured != null && !configured.isBlank()) {
            return new Choice(configured.strip(), idOf.apply(configured.strip()), "set by " + key);
        }
        Optional<String> officialId = idOf.apply(official);
        if (officialId.isPresent()) {
            return new Choice(official, officialId, "the official image, present on the engine");
        }
        Optional<String> localId = idOf.apply(local);
        if (localId.isPresent()) {
            return new Choice(local, localId, "the official " + official + " is not on the engine; using the stand-in"
                    + " that docker/build-images.sh built");
        }
        return new Choice(official, Optional.empty(), "neither " + official + " nor " + local
                + " is on the engine; Testcontainers will pull " + official);
    }

    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return "sha256:" + hex.substring(0, Math.min(12, hex.length()));
    }
}
