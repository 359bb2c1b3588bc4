package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.baseline.ResultsDiff;
import io.wsbed.harness.report.ReportFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code wsbed diff old/results.json new/results.json [--threshold 50%] [--min-ms 50]}: changed
 * verdicts and large shifts in timing figures. Exit 0 when nothing changed, 1 when something did
 * (as diff(1) does), 2 on bad input.
 */
final class DiffCommand {
    static final String USAGE = "wsbed diff OLD/results.json NEW/results.json [--threshold 50%] [--min-ms 50]";

    private DiffCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        CliArgs a = CliArgs.parse("diff", args, Set.of("--threshold", "--min-ms"), Set.of());
        if (a.positional().size() != 2) {
            throw HarnessException.configuration("wsbed diff takes two results files; usage: " + USAGE);
        }
        double threshold = number("--threshold", a.value("--threshold"), "50%") / 100.0;
        double minMs = number("--min-ms", a.value("--min-ms"), "50");
        ResultsDiff.Report report = ResultsDiff.diff(ReportFiles.readResults(Path.of(a.positional().get(0))),
                ReportFiles.readResults(Path.of(a.positional().get(1))), threshold, minMs);
        out.println(report.text());
        return report.hasChanges() ? 1 : 0;
    }

    private static double number(String option, String raw, String dflt) {
        String v = (raw == null ? dflt : raw).strip();
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
