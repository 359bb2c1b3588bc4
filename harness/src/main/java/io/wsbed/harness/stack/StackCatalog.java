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
 * The stacks this checkout (and any extra stack folders) holds: every folder under
 * {@code servers/} and {@code clients/} with a checked-in {@code wsbed-stack.properties}, in any
 * language. Adding a stack needs no change here.
 */
public final class StackCatalog {
    /** How long a stack may take to answer {@code info} (a JVM start) before it is killed. */
    public static final Duration INFO_BOUND = Duration.ofSeconds(20);

    private final Map<String, StackDescriptor> descriptors;
    private final Path root;

    private StackCatalog(Map<String, StackDescriptor> descriptors, Path root) {
        this.descriptors = descriptors;
        this.root = root;
    }

    /** Discovers the stacks under the repository root. */
    public static StackCatalog discover(Path root) {
        return discover(root, List.of());
    }

    /**
     * Discovers the stacks under the repository root and in {@code extra} folders, each either a
     * stack folder (it holds a descriptor) or a folder of stack folders.
     */
    public static StackCatalog discover(Path root, List<Path> extra) {
        List<Path> groups = new ArrayList<>(List.of(root.resolve("servers"), root.resolve("clients")));
        Map<String, StackDescriptor> found = new TreeMap<>();
        for (Path dir : extra) {
            if (!Files.isDirectory(dir)) {
                throw HarnessException.configuration("stack folder " + dir + " (wsbed.stack.dirs) does not exist");
            }
            if (Files.exists(dir.resolve(StackDescriptor.FILE))) {
                add(found, StackDescriptor.read(dir));
            } else {
                groups.add(dir);
            }
        }
        for (Path dir : groups) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> folders = Files.list(dir)) {
                for (Path folder : folders.sorted().toList()) {
                    if (Files.exists(folder.resolve(StackDescriptor.FILE))) {
                        add(found, StackDescriptor.read(folder));
                    }
                }
            } catch (IOException e) {
                throw new HarnessException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        if (found.isEmpty()) {
            throw HarnessException.configuration("no stack found under " + root + "/servers or /clients; a stack is a"
                    + " folder with a " + StackDescriptor.FILE + " (docs/contract.md)");
        }
        return new StackCatalog(found, root);
    }

    private static void add(Map<String, StackDescriptor> found, StackDescriptor d) {
        StackDescriptor clash = found.put(d.id(), d);
        if (clash != null) {
            throw HarnessException.configuration("two folders claim stack id '" + d.id() + "': " + clash.folder()
                    + " and " + d.folder());
        }
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

    /** Why the stack cannot run on this machine (one line naming the fix), or empty. */
    public Optional<String> unavailable(String id) {
        return require(id).unavailable(root);
    }

    /**
     * Asks each stack for its {@code info} line, in parallel (each answer costs a JVM start), each
     * within {@link #INFO_BOUND}. A stack that cannot answer is a broken build: the harness fails
     * with a one-line message that holds its stderr. A stack whose prerequisites are missing is not
     * launched: its descriptor describes it, with the reason and the fix.
     */
    public Map<String, StackInfo> describe(List<String> ids, Path logDir) {
        return describe(ids, logDir, INFO_BOUND);
    }

    /** As {@link #describe(List, Path)} with another bound (tests use a short one). */
    Map<String, StackInfo> describe(List<String> ids, Path logDir, Duration bound) {
        Map<String, CompletableFuture<StackInfo>> pending = new TreeMap<>();
        for (String id : ids) {
            StackDescriptor d = require(id);
            Optional<String> missing = d.unavailable(root);
            pending.put(id, missing.isPresent()
                    ? CompletableFuture.completedFuture(StackInfo.unavailable(d, missing.get()))
                    : CompletableFuture.supplyAsync(() -> InfoQuery.ask(d, logDir, bound)));
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
