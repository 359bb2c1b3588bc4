package io.wsbed.harness.cli;

import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.verdict.Verdict;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed run}: runs the matrix, writes the report, then checks (or rewrites) the baseline.
 * Each option sets one {@code wsbed.*} key over the {@code -D} system properties; {@link Settings}
 * and {@link BaselineGate} read and validate the result, so an option means what its property means.
 */
@Command(name = "run",
        description = {"Runs the comparison, writes the report (reports/latest/ unless --report-dir) and checks "
            + "the baseline. Ids are comma-separated; an unset option takes its -D property, then the default."},
        footer = {"%nSettings without an option (the storm's client count, the nginx binary, an external Toxiproxy, "
            + "...) are -D properties only; README.md lists every one."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Map<String, String> options = new TreeMap<>();

    @Option(names = "--stacks", paramLabel = "IDS", description = "server stacks, server view (default: all)")
    void stacks(String v) {
        options.put("wsbed.stacks", v);
    }

    @Option(names = "--clients", paramLabel = "IDS", description = "client stacks, client view (default: all)")
    void clients(String v) {
        options.put("wsbed.clients", v);
    }

    @Option(names = "--scenarios", paramLabel = "IDS", description = "scenario ids (default: all)")
    void scenarios(String v) {
        options.put("wsbed.scenarios", v);
    }

    @Option(names = "--profiles", paramLabel = "IDS", description = "default, heartbeat (default: both)")
    void profiles(String v) {
        options.put("wsbed.profiles", v);
    }

    @Option(names = "--paths", paramLabel = "IDS", description = "direct, nginx, wss, toxiproxy, haproxy (default: all)")
    void paths(String v) {
        options.put("wsbed.paths", v);
    }

    @Option(names = "--infra", paramLabel = "MODE", description = "local, containers or auto (default: local)")
    void infra(String v) {
        options.put("wsbed.infra", v);
    }

    @Option(names = "--window", paramLabel = "DURATION", description = "observation window, e.g. 10s, 2500ms (default: 10s)")
    void window(String v) {
        options.put("wsbed.window", v);
    }

    @Option(names = "--seed", paramLabel = "N", description = "seed of everything random (default: printed at start)")
    void seed(String v) {
        options.put("wsbed.seed", v);
    }

    @Option(names = "--repeat", paramLabel = "N", description = "run each cell N times: p50/p95/max, flaky cells marked (default: 1)")
    void repeat(String v) {
        options.put("wsbed.repeat", v);
    }

    @Option(names = "--parallel", paramLabel = "N",
            description = "run N cells side by side (default: twice the cores, at most 4; 1 in containers mode)")
    void parallel(String v) {
        options.put("wsbed.parallel", v);
    }

    @Option(names = "--shard", paramLabel = "I/N",
            description = "run only part I of N of the cells (balanced by expected time); merge the N reports with wsbed merge")
    void shard(String v) {
        options.put("wsbed.shard", v);
    }

    @Option(names = "--stack-dir", paramLabel = "DIR",
            description = "also find stacks in DIR (a stack folder with a wsbed-stack.properties, or a folder of them); repeatable")
    void stackDir(String v) {
        options.merge("wsbed.stack.dirs", v, (a, b) -> a + "," + b);
    }

    @Option(names = "--capture", paramLabel = "MODE",
            description = "capture each cell's packets into a wire lane: auto, on, off (default: auto, on where tcpdump may)")
    void capture(String v) {
        options.put("wsbed.capture", v);
    }

    @Option(names = "--report-dir", paramLabel = "DIR", description = "where the report goes (default: reports/latest)")
    void reportDir(String v) {
        options.put("wsbed.report.dir", v);
    }

    @Option(names = "--baseline", paramLabel = "FILE", description = "the baseline file (default: reports/baseline.json)")
    void baseline(String v) {
        options.put("wsbed.baseline", v);
    }

    @Option(names = "--update-baseline", description = "rewrite the baseline from this run instead of checking it")
    void updateBaseline(boolean on) {
        if (on) {
            options.put("wsbed.baseline.update", "true");
        }
    }

    @Option(names = "--no-baseline", description = "skip the baseline check")
    void noBaseline(boolean on) {
        if (on) {
            options.put("wsbed.baseline.check", "false");
        }
    }

    @Override
    public Integer call() {
        Map<String, String> props = new TreeMap<>(Settings.systemProperties());
        props.putAll(options);
        Settings settings = Settings.from(props);
        BaselineGate gate = BaselineGate.from(props, settings.root());
        MatrixRun run = MatrixRun.prepare(settings, Clock.systemUTC());
        run.runAll();
        Results results = run.finish();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Report: " + run.reportDir().resolve("index.html"));
        out.println("        " + run.reportDir().resolve("summary.md"));
        out.println("Seed:   " + results.run().seed() + " (the same schedule again: --seed " + results.run().seed() + ")");
        BaselineGate.Outcome baseline = gate.apply(results);
        out.println(baseline.message());
        if (results.cells().stream().anyMatch(c -> c.verdict() == Verdict.ERROR)) {
            return ExitCode.HARNESS_ERROR.code();
        }
        return (baseline.failed() ? ExitCode.DRIFT : ExitCode.OK).code();
    }
}
