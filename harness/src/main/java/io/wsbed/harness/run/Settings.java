package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.Repetitions;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.wire.CaptureMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every {@code wsbed.*} setting of a run, read in one place (system properties for the suite,
 * options over them for the CLI), validated with errors that name the fix, and printed once at the
 * start of a run ({@link #describe()}). The baseline keys belong to
 * {@link io.wsbed.harness.baseline.BaselineGate}, which reads them from the same scan.
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
 * @param paths paths (direct, nginx, wss, toxiproxy, haproxy); empty = all
 * @param infra local, containers or auto (see {@link io.wsbed.harness.infra.Infrastructures})
 * @param nginxImage the nginx image for containers, or null for the default choice
 * @param toxiproxyImage the Toxiproxy image for containers, or null for the default choice
 * @param repeat how many times each cell runs, back to back (see {@link Repetitions})
 * @param stormClients how many clients the reconnect storm connects
 * @param quietMs cells side by side: the quiet window a cell's fault gets (0 = none); see
 *     {@link io.wsbed.harness.process.QuietWindows}
 * @param capture whether each cell's packets are captured: auto, on or off (see
 *     {@link io.wsbed.harness.wire.CaptureMode})
 * @param parallel how many cells run side by side, or null for the machine's default
 *     ({@link #defaultParallel()})
 * @param shard which part of the cells this run takes, or null for all of them
 * @param cds whether Java stacks start from class-data-sharing archives (see
 *     {@link io.wsbed.harness.stack.StartArchives})
 * @param stackDirs more folders to find stacks in, besides servers/ and clients/: each a stack
 *     folder or a folder of them (a stack of your own, outside this checkout)
 */
public record Settings(Path root, Path reportDir, List<String> stacks, List<String> clients, List<String> scenarios,
                       List<String> profiles, long windowMs, long seed, String referenceServer, String referenceClient,
                       String nginxBin, java.net.URI toxiproxyUrl, List<String> paths, String infra,
                       String nginxImage, String toxiproxyImage, int repeat, int stormClients, String capture,
                       Integer parallel, Shard shard, boolean cds, List<Path> stackDirs, long quietMs) {

    /** The property names, for messages and the README. */
    public static final List<String> KEYS = List.of("wsbed.root", "wsbed.report.dir", "wsbed.stacks", "wsbed.clients",
            "wsbed.scenarios", "wsbed.profiles", "wsbed.window", "wsbed.seed", "wsbed.reference.server",
            "wsbed.reference.client", "wsbed.nginx.bin", "wsbed.toxiproxy.url", "wsbed.paths", "wsbed.infra",
            "wsbed.nginx.image", "wsbed.toxiproxy.image", "wsbed.repeat", "wsbed.storm.clients", "wsbed.capture",
            "wsbed.parallel", "wsbed.shard", "wsbed.cds", "wsbed.stack.dirs", "wsbed.quiet.ms");

    public Settings {
        stacks = List.copyOf(stacks);
        clients = List.copyOf(clients);
        scenarios = List.copyOf(scenarios);
        profiles = List.copyOf(profiles);
        paths = List.copyOf(paths);
        stackDirs = List.copyOf(stackDirs);
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
                props.get("wsbed.nginx.image"), props.get("wsbed.toxiproxy.image"),
                Repetitions.parseCount("wsbed.repeat", props.get("wsbed.repeat")),
                atLeastOne("wsbed.storm.clients", props.getOrDefault("wsbed.storm.clients", Integer.toString(Scenarios.DEFAULT_STORM_CLIENTS))),
                oneOf("wsbed.capture", props.getOrDefault("wsbed.capture", "auto"), CaptureMode.SETTINGS),
                props.containsKey("wsbed.parallel") ? parallel(props.get("wsbed.parallel")) : null,
                props.containsKey("wsbed.shard") ? Shard.parse("wsbed.shard", props.get("wsbed.shard")) : null,
                oneOf("wsbed.cds", props.getOrDefault("wsbed.cds", "on"), List.of("on", "off")).equals("on"),
                list(props.get("wsbed.stack.dirs")).stream().map(d -> Path.of(d).toAbsolutePath().normalize()).toList(),
                quietMs(props.getOrDefault("wsbed.quiet.ms", "300")));
    }

    /** {@code wsbed.quiet.ms}: 0 (off) to 10000; 300 unless set (see BENCHMARK.md). */
    private static long quietMs(String raw) {
        long ms = number("wsbed.quiet.ms", raw);
        if (ms < 0 || ms > 10_000) {
            throw HarnessException.configuration("wsbed.quiet.ms must be 0..10000 (ms; 0 = off), got '" + raw + "'");
        }
        return ms;
    }

    /** The settings from this JVM's {@code wsbed.*} system properties (the suite). */
    public static Settings fromSystemProperties() {
        return from(systemProperties());
    }

    /**
     * The {@code wsbed.*} system properties of this JVM that have a value, sorted by name: the one
     * scan of them (the CLI lays its options over this map, the baseline gate reads its keys from it).
     */
    public static Map<String, String> systemProperties() {
        Map<String, String> props = new TreeMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("wsbed.") && !v.toString().isBlank()) {
                props.put(k.toString(), v.toString());
            }
        });
        return props;
    }

    /**
     * Every effective setting under its key, in the order of {@link #KEYS}, defaults included;
     * "all" for an empty selection and "default" where the harness chooses (nginx binary, images).
     */
    public Map<String, String> effective() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("wsbed.root", root.toString());
        m.put("wsbed.report.dir", reportDir.toString());
        m.put("wsbed.stacks", orAll(stacks));
        m.put("wsbed.clients", orAll(clients));
        m.put("wsbed.scenarios", orAll(scenarios));
        m.put("wsbed.profiles", orAll(profiles));
        m.put("wsbed.window", windowMs + "ms");
        m.put("wsbed.seed", Long.toString(seed));
        m.put("wsbed.reference.server", referenceServer);
        m.put("wsbed.reference.client", referenceClient);
        m.put("wsbed.nginx.bin", orDefault(nginxBin));
        m.put("wsbed.toxiproxy.url", toxiproxyUrl == null ? "embedded" : toxiproxyUrl.toString());
        m.put("wsbed.paths", orAll(paths));
        m.put("wsbed.infra", infra);
        m.put("wsbed.nginx.image", orDefault(nginxImage));
        m.put("wsbed.toxiproxy.image", orDefault(toxiproxyImage));
        m.put("wsbed.repeat", Integer.toString(repeat));
        m.put("wsbed.storm.clients", Integer.toString(stormClients));
        m.put("wsbed.capture", capture);
        m.put("wsbed.parallel", parallel == null ? defaultParallel() + "(default)" : parallel.toString());
        m.put("wsbed.shard", shard == null ? "all" : shard.toString());
        m.put("wsbed.cds", cds ? "on" : "off");
        m.put("wsbed.stack.dirs", stackDirs.isEmpty() ? "none" : String.join(",", stackDirs.stream().map(Path::toString).toList()));
        m.put("wsbed.quiet.ms", Long.toString(quietMs));
        return m;
    }

    /** One line with every effective setting, for the start of a run's log. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        effective().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    private static String orAll(List<String> ids) {
        return ids.isEmpty() ? "all" : String.join(",", ids);
    }

    private static String orDefault(Object value) {
        return value == null ? "default" : value.toString();
    }

    static List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        return Arrays.stream(raw.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /** "10s", "500ms" or a bare number of milliseconds. */
    public static long duration(String key, String raw) {
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
        return oneOf("wsbed.infra", raw, io.wsbed.harness.infra.Infrastructures.MODES);
    }

    /** One of a few words, in any case. */
    static String oneOf(String key, String raw, List<String> allowed) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw HarnessException.configuration(key + " must be one of " + allowed + ", got '" + raw + "'");
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

    static int atLeastOne(String key, String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw HarnessException.configuration(key + " must be a whole number of at least 1, got '" + raw + "'");
    }

    /**
     * Cells side by side when wsbed.parallel is unset: twice the cores, at most 4. A cell mostly
     * waits (observation windows, proxy timeouts), so two per core keep the CPU busy without
     * widening the figures; BENCHMARK.md has the measurement behind the choice.
     */
    public static int defaultParallel() {
        return Math.min(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    /** How many cells run side by side in this run. */
    public int cellsAtOnce() {
        return parallel != null ? parallel : defaultParallel();
    }

    static int parallel(String raw) {
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 64) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw HarnessException.configuration("wsbed.parallel (--parallel) must be a whole number of cells from 1 to 64,"
                + " e.g. --parallel 4, got '" + raw + "'");
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

    /** What the report's run header shows of the selection: these effective settings, keyed without "wsbed.". */
    public Map<String, Object> selectionForReport() {
        Map<String, String> all = effective();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : List.of("stacks", "clients", "scenarios", "profiles", "paths", "reference.server",
                "reference.client")) {
            m.put(key.replace('.', '_'), all.get("wsbed." + key));
        }
        return m;
    }
}
