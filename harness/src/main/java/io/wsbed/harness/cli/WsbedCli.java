package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code wsbed run} runs the comparison, {@code wsbed merge} merges the
 * results of several runs into one report, {@code wsbed diff} compares two runs. Errors are one
 * line on stderr. Exit codes: 0 done, 1 a harness error in some cell (run) or differences (diff),
 * 2 bad options, configuration or input, 3 a verdict drifted from the baseline (run).
 */
public final class WsbedCli {
    private WsbedCli() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code; never exits the JVM (tests call this). */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            return dispatch(Arrays.asList(args), out);
        } catch (HarnessException e) {
            err.println("wsbed: " + e.getMessage());
            return e.getMessage().startsWith("Configuration error") ? 2 : 1;
        }
    }

    private static int dispatch(List<String> args, PrintStream out) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.println("usage: " + RunCommand.USAGE);
            out.println("       " + MergeCommand.USAGE);
            out.println("       " + DiffCommand.USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "run" -> RunCommand.run(rest, out);
            case "merge" -> MergeCommand.run(rest, out);
            case "diff" -> DiffCommand.run(rest, out);
            default -> throw HarnessException.configuration("unknown command '" + args.get(0)
                    + "'; commands: run, merge, diff (wsbed --help)");
        };
    }
}
