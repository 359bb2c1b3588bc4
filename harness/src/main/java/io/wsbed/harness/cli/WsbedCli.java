package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The command line: {@code wsbed run} runs the comparison, {@code wsbed merge} merges the
 * results of several runs into one report, {@code wsbed diff} compares two runs, {@code wsbed recheck}
 * judges a stored run again with the current rules, {@code wsbed record} and {@code wsbed replay}
 * record a WebSocket session and play it back with a fault. Each command is
 * one class, registered in {@code subcommands} below and nowhere else; help, version, parse errors
 * and exit codes ({@link ExitCode}) are the same for all of them.
 */
@Command(name = "wsbed", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = WsbedCli.Version.class,
        description = "Runs WebSocket stacks through faults and compares how each one surfaces them.",
        subcommands = {RunCommand.class, MergeCommand.class, DiffCommand.class, RecheckCommand.class,
            RecordCommand.class, ReplayCommand.class, TckCommand.class, CommandLine.HelpCommand.class})
public final class WsbedCli implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    WsbedCli() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code; never exits the JVM (tests call this). */
    static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        UsageErrors errors = new UsageErrors();
        CommandLine cli = new CommandLine(new WsbedCli()).setOut(o).setErr(e)
                .setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
        exitCodesInHelp(cli);
        try {
            return cli.execute(args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    private static void exitCodesInHelp(CommandLine command) {
        command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.table());
        command.getSubcommands().values().forEach(WsbedCli::exitCodesInHelp);
    }

    /** {@code wsbed} alone: there is no default command. */
    @Override
    public Integer call() {
        throw HarnessException.configuration("missing command; commands: " + UsageErrors.commands(spec)
                + " (wsbed --help)");
    }

    /** What {@code --version} prints: the build's version (a filtered resource) and the Java running it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = WsbedCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"wsbed " + p.getProperty("version", "(version unknown: not built by Maven)"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
