package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The stacks this checkout has built: every {@code servers/*} and {@code clients/*} module with a
 * {@code target/wsbed/stack.properties}. Adding a stack needs no change here.
 */
public final class StackCatalog {
    /** How long a stack may take to answer {@code info} (a JVM start) before it is killed. */
    public static final Duration INFO_BOUND = Duration.ofSeconds(20);

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
     * Asks each stack for its {@code info} line, in parallel (each answer costs a JVM start), each
     * within {@link #INFO_BOUND}. A stack that cannot answer is a broken build: the harness fails
     * with a one-line message that holds its stderr.
     */
    public Map<String, StackInfo> describe(List<String> ids, Path logDir) {
        return describe(ids, logDir, INFO_BOUND);
    }

    /** As {@link #describe(List, Path)} with another bound (tests use a short one). */
    Map<String, StackInfo> describe(List<String> ids, Path logDir, Duration bound) {
        Map<String, CompletableFuture<StackInfo>> pending = new TreeMap<>();
        for (String id : ids) {
            StackDescriptor d = require(id);
            pending.put(id, CompletableFuture.supplyAsync(() -> InfoQuery.ask(d, logDir, bound)));
        }
        Map<String, StackInfo> out = new TreeMap<>();
        pending.forEach((id, f) -> out.put(id, answer(f)));
        return out;
    }

    /** The answer, or the exception that stopped it as thrown (not wrapped in a CompletionException). */
    private static StackInfo answer(CompletableFuture<StackInfo> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
