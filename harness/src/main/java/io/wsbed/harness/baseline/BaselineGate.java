package io.wsbed.harness.baseline;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the CLI and the JUnit suite do with the baseline after a run: compare (the default), or
 * rewrite it on purpose ({@code wsbed.baseline.update=true}). Keys, read here and nowhere else:
 * {@code wsbed.baseline} (the file; default reports/baseline.json under the checkout),
 * {@code wsbed.baseline.update} (true rewrites), {@code wsbed.baseline.check} (false skips).
 */
public final class BaselineGate {
    private final Path file;
    private final boolean update;
    private final boolean check;

    /** The outcome: whether the build must fail, and the lines to print. */
    public record Outcome(boolean failed, String message, List<Drift.Change> changed) {
        public Outcome {
            changed = List.copyOf(changed);
        }

        /** An outcome without changed cells. */
        public Outcome(boolean failed, String message) {
            this(failed, message, List.of());
        }
    }

    private BaselineGate(Path file, boolean update, boolean check) {
        this.file = file;
        this.update = update;
        this.check = check;
    }

    public static BaselineGate from(Map<String, String> props, Path root) {
        String f = props.get("wsbed.baseline");
        Path file = f == null || f.isBlank() ? root.resolve("reports").resolve("baseline.json") : Path.of(f);
        return new BaselineGate(file.toAbsolutePath().normalize(), flag(props, "wsbed.baseline.update", false),
                flag(props, "wsbed.baseline.check", true));
    }

    /** The same, from this JVM's system properties (the suite). */
    public static BaselineGate fromSystemProperties(Path root) {
        return from(Settings.systemProperties(), root);
    }

    public Path file() {
        return file;
    }

    public Outcome apply(Results results) {
        Optional<Baseline> old = BaselineFile.read(file);
        if (update) {
            Baseline next = BaselineCheck.updated(old.orElse(null), results);
            Drift before = BaselineCheck.compare(old.orElse(new Baseline("none", 0, Map.of(), new TreeMap<>())),
                    results);
            BaselineFile.write(file, next);
            return new Outcome(false, "Baseline rewritten on purpose (wsbed.baseline.update=true): " + file + " now holds "
                    + next.cells().size() + " cells; this run changed " + before.changed().size() + " and added "
                    + before.added().size() + ". Commit it." + (before.changed().isEmpty() ? ""
                    : "\n" + String.join("\n", before.changed().stream().map(c -> "  " + c).toList())));
        }
        if (!check) {
            return new Outcome(false, "Baseline check skipped (wsbed.baseline.check=false).");
        }
        if (old.isEmpty()) {
            return new Outcome(false, "No baseline at " + file + ": all " + results.cells().size()
                    + " cells are new. Create it with -Dwsbed.baseline.update=true (./wsbed run --update-baseline).");
        }
        Drift drift = BaselineCheck.compare(old.get(), results);
        return new Outcome(drift.drifted(), drift.describe(file.toString()), drift.changed());
    }

    private static boolean flag(Map<String, String> props, String key, boolean dflt) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw HarnessException.configuration(key + " must be true or false, got '" + v + "'");
    }
}
