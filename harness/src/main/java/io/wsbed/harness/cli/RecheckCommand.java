package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.Recheck;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed recheck RESULTS [-o OUTDIR]}: every cell judged again from its stored timeline
 * with the current checkers, written as a full report. Exits 0 when every verdict is as stored
 * and 1 when one changed, as diff does.
 */
@Command(name = "recheck", description = {"Judges a stored run again: every cell's figures, observations and verdict "
        + "re-derived from the timelines in its results.json with the current rules, written as a full report. "
        + "Runs no process. Lists every verdict that changed."})
final class RecheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS", description = "results.json of the run to check again")
    String input;

    @Option(names = {"-o", "--out"}, paramLabel = "OUTDIR",
            description = "where the new report goes, cleared first (default: a folder 'recheck' beside RESULTS)")
    String out;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Path given = Path.of(input).toAbsolutePath().normalize();
        // A report folder stands for the results.json in it.
        Path in = java.nio.file.Files.isDirectory(given) ? given.resolve("results.json") : given;
        Path outDir = (out == null ? in.getParent().resolve("recheck") : Path.of(out)).toAbsolutePath().normalize();
        if (outDir.equals(in.getParent())) {
            throw HarnessException.configuration("the output folder " + outDir + " holds the input " + input
                    + "; rechecking would clear it first: pick another -o");
        }
        Results stored = ReportFiles.readResults(in);
        Results rechecked = Recheck.recheck(stored, input);
        List<String> changed = new ArrayList<>();
        int judged = 0;
        for (int i = 0; i < stored.cells().size(); i++) {
            CellResult a = stored.cells().get(i);
            CellResult b = rechecked.cells().get(i);
            judged += a == b ? 0 : 1;
            if (a.verdict() != b.verdict()) {
                changed.add(a.id() + ": " + a.verdict() + " -> " + b.verdict() + " (" + b.reason() + ")");
            }
        }
        ReportFiles.fresh(outDir).write(rechecked);
        console.println("Rechecked " + judged + " of " + stored.cells().size() + " cells (the others were skipped or "
                + "broke before their schedule ended and keep what was stored).");
        console.println(changed.isEmpty() ? "Every verdict is as stored."
                : changed.size() + " verdicts changed:\n  " + String.join("\n  ", changed));
        console.println("Report: " + outDir.resolve("index.html"));
        return (changed.isEmpty() ? ExitCode.OK : ExitCode.CHANGES).code();
    }
}
