package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.baseline.ResultsMerge;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code wsbed merge -o OUTDIR a/results.json b/results.json ...}: one report (every file of a
 * report, with the cells' logs copied along) from several runs, for example one CI job per stack.
 */
final class MergeCommand {
    static final String USAGE = "wsbed merge -o OUTDIR a/results.json b/results.json ...";

    private MergeCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        CliArgs a = CliArgs.parse("merge", args, Set.of("-o", "--out"), Set.of());
        String outOpt = a.value("-o") != null ? a.value("-o") : a.value("--out");
        if (outOpt == null || a.positional().isEmpty()) {
            throw HarnessException.configuration("usage: " + USAGE);
        }
        Path outDir = Path.of(outOpt).toAbsolutePath().normalize();
        List<Results> inputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String file : a.positional()) {
            Path p = Path.of(file).toAbsolutePath().normalize();
            if (outDir.equals(p.getParent())) {
                throw HarnessException.configuration("the output folder " + outDir + " holds the input " + file
                        + "; merging would clear it first: pick another -o");
            }
            inputs.add(ReportFiles.readResults(p));
            names.add(file);
        }
        ResultsMerge.Merged merged = ResultsMerge.merge(inputs, names);
        merged.notes().forEach(n -> out.println("note: " + n));
        ReportFiles files = ReportFiles.fresh(outDir);
        for (int i = 0; i < inputs.size(); i++) {
            Path from = Path.of(a.positional().get(i)).toAbsolutePath().normalize().getParent();
            for (CellResult c : inputs.get(i).cells()) {
                files.copyLogs(from, c.logs());
            }
        }
        files.write(merged.results());
        files.appendStepSummary(System.getenv());
        out.println("Merged " + merged.results().cells().size() + " cells from " + inputs.size() + " runs into "
                + outDir.resolve("index.html"));
        return 0;
    }
}
