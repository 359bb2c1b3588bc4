package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's {@link StartArchive}s, one per Java stack and role in use, made before the first cell
 * where missing or stale (a few seconds each, once per build) and reused after. A stack whose
 * archive cannot be made starts without one, as it always did, and the run says so.
 */
public final class StartArchives {
    private static final Logger LOG = LoggerFactory.getLogger(StartArchives.class);
    /** A run without archives (wsbed.cds=off): every stack starts from its plain classpath. */
    public static final StartArchives NONE = new StartArchives(Map.of(), "off");

    private final Map<String, StartArchive> archives;
    private final String summary;

    private StartArchives(Map<String, StartArchive> archives, String summary) {
        this.archives = Map.copyOf(archives);
        this.summary = summary;
    }

    /**
     * Finds or makes the archive of each stack in each role it plays in the run.
     *
     * @param roles stack id to the roles it plays
     * @param peers the reference peer of each role's training: "server" to the reference client,
     *     "client" to the reference server
     */
    public static StartArchives prepare(StackCatalog catalog, Map<String, Set<String>> roles, Map<String, String> peers,
                                        Path logDir) {
        Map<String, StartArchive> ready = new LinkedHashMap<>();
        int made = 0;
        List<String> failed = new java.util.ArrayList<>();
        long began = System.nanoTime();
        for (Map.Entry<String, Set<String>> e : roles.entrySet()) {
            StackDescriptor stack = catalog.require(e.getKey());
            Optional<JavaLauncher> java = stack.java();
            // Archives are for Java stacks that run here; training pairs them with a WebSocket reference peer.
            if (java.isEmpty() || !stack.protocol().equals(StackDescriptor.WEBSOCKET)
                    || catalog.unavailable(stack.id()).isPresent()) {
                continue;
            }
            for (String role : e.getValue()) {
                Optional<StartArchive> found = ArchiveTraining.existing(stack, java.get(), role);
                if (found.isPresent()) {
                    ready.put(key(stack.id(), role), found.get());
                    continue;
                }
                try {
                    LOG.info("wsbed: making the start archive of {} as {} (once per build)", stack.id(), role);
                    ready.put(key(stack.id(), role), ArchiveTraining.make(stack, java.get(), role,
                            catalog.require(peers.get(role)), logDir));
                    made++;
                } catch (HarnessException ex) {
                    failed.add(stack.id() + " " + role);
                    LOG.warn("wsbed: no start archive for {} as {}: {}; it starts without one (logs in {})", stack.id(), role,
                            ex.getMessage(), logDir);
                }
            }
        }
        String summary = ready.size() + " start archives (AppCDS)" + (made > 0 ? ", " + made + " made now in "
                + (System.nanoTime() - began) / 1_000_000_000 + " s" : "") + (failed.isEmpty() ? ""
                : "; none for " + String.join(", ", failed));
        return new StartArchives(ready, summary);
    }

    /** The archive of this stack in this role, if the run has one. */
    public Optional<StartArchive> of(String stackId, String role) {
        return Optional.ofNullable(archives.get(key(stackId, role)));
    }

    /** For the run's log and the report header: "7 start archives (AppCDS), 2 made now in 9 s". */
    public String describe() {
        return summary;
    }

    private static String key(String id, String role) {
        return id + "/" + role;
    }
}
