package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every {@code wsbed.*} setting, read in one place (system properties for the suite, options for
 * the CLI) and validated with errors that name the fix.
 *
 * @param root the repository root (stacks are discovered under it)
 * @param reportDir where the run's report goes (reports/latest)
 * @param stacks server stacks of the server view; empty = all
 * @param clients client stacks of the client view; empty = all
 * @param scenarios scenario ids; empty = all
 * @param profiles profile ids; empty = all
 * @param windowMs observation window
 * @param seed the run's seed (backoff jitter and anything else random)
 * @param referenceServer the server every client stack runs against
 * @param referenceClient the client every server stack runs against
 * @param nginxBin the nginx binary to use, or null to look on PATH and in /usr/sbin
 * @param toxiproxyUrl an external toxiproxy-server to use instead of the embedded one, or null
 * @param paths paths (direct, nginx, toxiproxy); empty = all
 * @param infra local, containers or auto (see {@link io.wsbed.harness.infra.Infrastructures})
 * @param nginxImage the nginx image for containers, or null for the default choice
 * @param toxiproxyImage the Toxiproxy image for containers, or null for the default choice
 */
public record Settings(Path root, Path reportDir, List<String> stacks, List<String> clients, List<String> scenarios,
                       List<String> profiles, long windowMs, long seed, String referenceServer, String referenceClient,
                       String nginxBin, java.net.URI toxiproxyUrl, List<String> paths, String infra,
                       String nginxImage, String toxiproxyImage) {

    /** The property names, for messages and the README. */
    public static final List<String> KEYS = List.of("wsbed.root", "wsbed.report.dir", "wsbed.stacks", "wsbed.clients",
            "wsbed.scenarios", "wsbed.profiles", "wsbed.window", "wsbed.seed", "wsbed.reference.server",
            "wsbed.reference.client", "wsbed.nginx.bin", "wsbed.toxiproxy.url", "wsbed.paths", "wsbed.infra",
            "wsbed.nginx.image", "wsbed.toxiproxy.image");

    public Settings {
        stacks = List.copyOf(stacks);
        clients = List.copyOf(clients);
        scenarios = List.copyOf(scenarios);
        profiles = List.copyOf(profiles);
        paths = List.copyOf(paths);
    }

    /** Reads the settings from {@code wsbed.*} properties; anything unset gets its default. */
    public static Settings from(Map<String, String> props) {
        Path root = props.containsKey("wsbed.root") ? Path.of(props.get("wsbed.root")) : findRoot(Path.of("").toAbsolutePath());
        Path report = props.containsKey("wsbed.report.dir") ? Path.of(props.get("wsbed.report.dir"))
                : root.resolve("reports").resolve("latest");
        long seed = props.containsKey("wsbed.seed") ? number("wsbed.seed", props.get("wsbed.seed"))
                : System.currentTimeMillis() % 1_000_000;
        return new Settings(root.toAbsolutePath().normalize(), report.toAbsolutePath().normalize(),
                list(props.get("wsbed.stacks")), list(props.get("wsbed.clients")), list(props.get("wsbed.scenarios")),
                list(props.get("wsbed.profiles")), duration("wsbed.window", props.getOrDefault("wsbed.window", "10s")), seed,
                props.getOrDefault("wsbed.reference.server", "jetty"), props.getOrDefault("wsbed.reference.client", "jdk"),
                props.get("wsbed.nginx.bin"), url("wsbed.toxiproxy.url", props.get("wsbed.toxiproxy.url")),
                list(props.get("wsbed.paths")),
                infra(props.getOrDefault("wsbed.infra", io.wsbed.harness.infra.Infrastructures.DEFAULT_MODE)),
                props.get("wsbed.nginx.image"), props.get("wsbed.toxiproxy.image"));
    }

    /** The {@code wsbed.*} system properties of this JVM. */
    public static Settings fromSystemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("wsbed.") && !v.toString().isBlank()) {
                props.put(k.toString(), v.toString());
            }
        });
        return from(props);
    }

    static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** "10s", "500ms" or a bare number of milliseconds. */
    static long duration(String key, String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        try {
            long ms;
            if (v.endsWith("ms")) {
                ms = Long.parseLong(v.substring(0, v.length() - 2).strip());
            } else if (v.endsWith("s")) {
                ms = Math.round(Double.parseDouble(v.substring(0, v.length() - 1).strip()) * 1000);
            } else {
                ms = Long.parseLong(v);
            }
            if (ms <= 0) {
                throw new NumberFormatException();
            }
            return ms;
        } catch (NumberFormatException e) {
            throw HarnessException.configuration(key + " must be a positive duration like 10s or 2500ms, got '" + raw + "'");
        }
    }

    static java.net.URI url(String key, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            java.net.URI u = new java.net.URI(raw.strip());
            if (!"http".equals(u.getScheme()) || u.getHost() == null || u.getPort() <= 0) {
                throw new java.net.URISyntaxException(raw, "not http://host:port");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw HarnessException.configuration(key + " must look like http://127.0.0.1:8474, got '" + raw + "'");
        }
    }

    static String infra(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (!io.wsbed.harness.infra.Infrastructures.MODES.contains(v)) {
            throw HarnessException.configuration("wsbed.infra must be one of "
                    + io.wsbed.harness.infra.Infrastructures.MODES + ", got '" + raw + "'");
        }
        return v;
    }

    static long number(String key, String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw HarnessException.configuration(key + " must be a whole number, got '" + raw + "'");
        }
    }

    /** Walks up from {@code start} to the directory that holds servers/stack-api. */
    static Path findRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("servers").resolve("stack-api"))) {
                return p;
            }
        }
        throw HarnessException.configuration("cannot find the wsbed checkout above " + start
                + "; run from inside it or set wsbed.root");
    }

    /** What the report's run header shows of the selection. */
    public Map<String, Object> selectionForReport() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stacks", stacks.isEmpty() ? "all" : String.join(",", stacks));
        m.put("clients", clients.isEmpty() ? "all" : String.join(",", clients));
        m.put("scenarios", scenarios.isEmpty() ? "all" : String.join(",", scenarios));
        m.put("profiles", profiles.isEmpty() ? "all" : String.join(",", profiles));
        m.put("paths", paths.isEmpty() ? "all" : String.join(",", paths));
        m.put("reference_server", referenceServer);
        m.put("reference_client", referenceClient);
        return m;
    }
}
