package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.baseline.ResultsDiff;
import io.wsbed.harness.report.ReportFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed diff OLD/results.json NEW/results.json}: changed verdicts and large shifts in
 * timing figures. Exits 0 when nothing changed and 1 when something did, as diff(1) does.
 */
@Command(name = "diff", description = {"Compares two runs: changed verdicts, cells only in one run, and timing "
        + "figures that moved by more than the threshold and by at least --min-ms."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "results.json of the earlier run")
    String oldFile;

    @Parameters(index = "1", paramLabel = "NEW", description = "results.json of the later run")
    String newFile;

    @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "50%",
            description = "list a figure that moved by more than this share (default: 50%%)")
    String threshold;

    @Option(names = "--min-ms", paramLabel = "MS", defaultValue = "50",
            description = "... and by at least this many milliseconds (default: 50)")
    String minMs;

    @Override
    public Integer call() {
        double share = number("--threshold", threshold) / 100.0;
        double ms = number("--min-ms", minMs);
        ResultsDiff.Report report = ResultsDiff.diff(ReportFiles.readResults(Path.of(oldFile)),
                ReportFiles.readResults(Path.of(newFile)), share, ms);
        spec.commandLine().getOut().println(report.text());
        return (report.hasChanges() ? ExitCode.CHANGES : ExitCode.OK).code();
    }

    private static double number(String option, String raw) {
        String v = raw.strip();
        try {
            double d = Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
            if (d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw HarnessException.configuration(option + " must be a non-negative number, got '" + raw + "'");
    }
}
