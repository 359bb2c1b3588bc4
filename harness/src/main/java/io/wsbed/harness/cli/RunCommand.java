package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.verdict.Verdict;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code wsbed run}: runs the matrix, writes the report, then checks (or rewrites) the baseline.
 * Options map one to one onto the {@code wsbed.*} settings; {@code -D} system properties are the
 * defaults.
 */
final class RunCommand {
    static final String USAGE = "wsbed run [--stacks jetty,undertow] [--clients jdk] [--scenarios server-crash]"
            + " [--profiles default,heartbeat] [--paths direct,nginx,toxiproxy] [--infra local|containers|auto] [--window 10s] [--seed N] [--repeat N] [--report-dir DIR]"
            + " [--baseline FILE] [--update-baseline] [--no-baseline]";
    /** Exit code when a verdict drifted from the baseline. */
    static final int DRIFT = 3;

    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("--stacks", "wsbed.stacks"), Map.entry("--clients", "wsbed.clients"),
            Map.entry("--scenarios", "wsbed.scenarios"), Map.entry("--profiles", "wsbed.profiles"),
            Map.entry("--paths", "wsbed.paths"), Map.entry("--window", "wsbed.window"), Map.entry("--seed", "wsbed.seed"),
            Map.entry("--report-dir", "wsbed.report.dir"), Map.entry("--repeat", "wsbed.repeat"),
            Map.entry("--baseline", "wsbed.baseline"), Map.entry("--infra", "wsbed.infra"));

    private RunCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        CliArgs a = CliArgs.parse("run", args, OPTIONS.keySet(), Set.of("--update-baseline", "--no-baseline"));
        if (!a.positional().isEmpty()) {
            throw HarnessException.configuration("wsbed run takes no argument '" + a.positional().get(0) + "'; usage: "
                    + USAGE);
        }
        Map<String, String> props = new TreeMap<>(Settings.systemProperties());
        a.values().forEach((opt, v) -> props.put(OPTIONS.get(opt), v));
        if (a.flag("--update-baseline")) {
            props.put("wsbed.baseline.update", "true");
        }
        if (a.flag("--no-baseline")) {
            props.put("wsbed.baseline.check", "false");
        }
        Settings settings = Settings.from(props);
        BaselineGate gate = BaselineGate.from(props, settings.root());
        MatrixRun run = MatrixRun.prepare(settings, Clock.systemUTC());
        run.runAll();
        Results results = run.finish();
        out.println("Report: " + run.reportDir().resolve("index.html"));
        out.println("        " + run.reportDir().resolve("summary.md"));
        out.println("Seed:   " + results.run().seed() + " (the same schedule again: --seed " + results.run().seed() + ")");
        BaselineGate.Outcome baseline = gate.apply(results);
        out.println(baseline.message());
        if (results.cells().stream().anyMatch(c -> c.verdict() == Verdict.ERROR)) {
            return 1;
        }
        return baseline.failed() ? DRIFT : 0;
    }
}
