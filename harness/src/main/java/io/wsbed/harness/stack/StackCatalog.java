package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.EventLineParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The stacks this checkout has built: every {@code servers/*} and {@code clients/*} module with a
 * {@code target/wsbed/stack.properties}. Adding a stack needs no change here.
 */
public final class StackCatalog {
    private final Map<String, StackDescriptor> descriptors;

    private StackCatalog(Map<String, StackDescriptor> descriptors) {
        this.descriptors = descriptors;
    }

    /** Discovers the built stacks under the repository root. */
    public static StackCatalog discover(Path root) {
        Map<String, StackDescriptor> found = new TreeMap<>();
        for (String group : List.of("servers", "clients")) {
            Path dir = root.resolve(group);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> modules = Files.list(dir)) {
                for (Path module : modules.sorted().toList()) {
                    Path wsbed = module.resolve("target").resolve("wsbed");
                    if (Files.exists(wsbed.resolve("stack.properties"))) {
                        StackDescriptor d = StackDescriptor.read(wsbed);
                        StackDescriptor clash = found.put(d.id(), d);
                        if (clash != null) {
                            throw HarnessException.configuration("two modules claim stack id '" + d.id() + "': "
                                    + clash.moduleDir() + " and " + d.moduleDir());
                        }
                    }
                }
            } catch (IOException e) {
                throw new HarnessException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (found.isEmpty()) {
            throw HarnessException.configuration("no built stack found under " + root
                    + "; build them first with: mvn -DskipTests package");
        }
        return new StackCatalog(found);
    }

    public List<String> ids() {
        return new ArrayList<>(descriptors.keySet());
    }

    public Optional<StackDescriptor> find(String id) {
        return Optional.ofNullable(descriptors.get(id));
    }

    public StackDescriptor require(String id) {
        StackDescriptor d = descriptors.get(id);
        if (d == null) {
            throw HarnessException.configuration("Unknown stack '" + id + "'; available: " + String.join(", ", ids()));
        }
        return d;
    }

    /**
     * Asks each stack for its {@code info} line, in parallel (each answer costs a JVM start).
     * A stack that cannot answer is a broken build: the harness fails with its stderr.
     */
    public Map<String, StackInfo> describe(List<String> ids, Path logDir) {
        Map<String, CompletableFuture<StackInfo>> pending = new TreeMap<>();
        for (String id : ids) {
            StackDescriptor d = require(id);
            pending.put(id, CompletableFuture.supplyAsync(() -> info(d, logDir)));
        }
        Map<String, StackInfo> out = new TreeMap<>();
        pending.forEach((id, f) -> out.put(id, f.join()));
        return out;
    }

    private static StackInfo info(StackDescriptor d, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path err = logDir.resolve("info-" + d.id() + ".err");
            Process p = new ProcessBuilder(JavaCommand.of(d, List.of("info")))
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HarnessException("stack '" + d.id() + "' did not answer 'info' within 20 s; see " + err);
            }
            Optional<Event> line = out.lines().map(l -> EventLineParser.parse(d.id(), l)).flatMap(Optional::stream)
                    .filter(ev -> ev.ev().equals("info")).findFirst();
            if (line.isEmpty()) {
                throw new HarnessException("stack '" + d.id() + "' printed no info line (exit " + p.exitValue()
                        + "); see " + err + ": " + Files.readString(err).strip());
            }
            Event e = line.get();
            return new StackInfo(d.id(), e.str("name"), e.str("version"),
                    Arrays.asList(e.str("roles").split(",")), e.str("heartbeat"), e.str("send_api"),
                    e.flag("builtin_reconnect"));
        } catch (IOException e) {
            throw new HarnessException("cannot run stack '" + d.id() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while asking stack '" + d.id() + "' for info", e);
        }
    }
}
