package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.verdict.Verdict;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wsbed run [--stacks a,b] [--clients c] [--scenarios s] [--profiles p] [--window 10s]
 * [--seed N]}: runs the comparison and prints where the report is. Options map one to one onto
 * the {@code wsbed.*} settings. Exit codes: 0 done (whatever the stacks did), 1 a harness error in
 * some cell, 2 bad options or configuration.
 */
public final class WsbedCli {
    private static final Map<String, String> OPTIONS = Map.of(
            "--stacks", "wsbed.stacks", "--clients", "wsbed.clients", "--scenarios", "wsbed.scenarios",
            "--profiles", "wsbed.profiles", "--window", "wsbed.window", "--seed", "wsbed.seed",
            "--report-dir", "wsbed.report.dir");

    private WsbedCli() {
    }

    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (HarnessException e) {
            System.err.println("wsbed: " + e.getMessage());
            code = e.getMessage().startsWith("Configuration error") ? 2 : 1;
        }
        System.exit(code);
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println("usage: wsbed run [--stacks jetty,undertow] [--clients jdk] [--scenarios server-crash]"
                    + " [--profiles default,heartbeat] [--window 10s] [--seed N] [--report-dir DIR]");
            return args.length == 0 ? 2 : 0;
        }
        if (!args[0].equals("run")) {
            throw HarnessException.configuration("unknown command '" + args[0] + "'; the command is: wsbed run [options]");
        }
        Map<String, String> props = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("wsbed.")) {
                props.put(k.toString(), v.toString());
            }
        });
        for (int i = 1; i < args.length; i++) {
            String key = OPTIONS.get(args[i]);
            if (key == null) {
                throw HarnessException.configuration("unknown option '" + args[i] + "'; known: "
                        + String.join(", ", OPTIONS.keySet().stream().sorted().toList()));
            }
            if (i + 1 >= args.length) {
                throw HarnessException.configuration("option '" + args[i] + "' needs a value");
            }
            props.put(key, args[++i]);
        }
        MatrixRun run = MatrixRun.prepare(Settings.from(props), Clock.systemUTC());
        run.runAll();
        Results results = run.finish();
        System.out.println("Report: " + run.reportDir().resolve("summary.md"));
        System.out.println("        " + run.reportDir().resolve("results.json"));
        boolean harnessBroke = results.cells().stream().anyMatch(c -> c.verdict() == Verdict.ERROR);
        return harnessBroke ? 1 : 0;
    }
}
