package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what went wrong into one line on stderr and an exit code: a parse error (unknown
 * option or command, missing value) names the known choices and the command's --help; a
 * {@link HarnessException} prints its message; anything else is a bug and keeps its stack trace.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        HarnessException error = HarnessException.configuration(describe(e, spec) + " (" + spec.qualifiedName()
                + " --help)");
        e.getCommandLine().getErr().println("wsbed: " + error.getMessage());
        return ExitCode.of(error).code();
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof HarnessException) {
            err.println("wsbed: " + e.getMessage());
        } else {
            e.printStackTrace(err);
        }
        return ExitCode.of(e).code();
    }

    /** The command names a user can type, in the order they are registered. */
    static String commands(CommandSpec top) {
        return String.join(", ", top.subcommands().keySet());
    }

    private static String describe(ParameterException e, CommandSpec spec) {
        if (!(e instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return e.getMessage();
        }
        String arg = u.getUnmatched().get(0);
        if (arg.startsWith("-")) {
            return "unknown option '" + arg + "' for " + spec.qualifiedName() + "; known: " + knownOptions(spec);
        }
        if (!spec.subcommands().isEmpty()) {
            return "unknown command '" + arg + "'; commands: " + commands(spec);
        }
        return "unexpected argument '" + arg + "' for " + spec.qualifiedName();
    }

    private static String knownOptions(CommandSpec spec) {
        return String.join(", ", spec.options().stream().map(OptionSpec::longestName).sorted().toList());
    }
}
