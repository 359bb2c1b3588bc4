package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.baseline.BaselineGate;
import io.wsbed.harness.baseline.ResultsMerge;
import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed merge -o OUTDIR a/results.json b/results.json ...}: one report (every file of a
 * report, with the cells' logs copied along) from several runs, for example one CI job per stack.
 */
@Command(name = "merge", description = {"Merges several runs (for example one CI job per stack) into one report: "
        + "every report file, with the cells' logs copied along. A cell present twice is taken from the last file. "
        + "The shards of one run (run --shard I/N) merge into that run: all N, same seed and selection, cells in plan order."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUTDIR",
            description = "where the merged report goes (cleared first)")
    String out;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "check the merged verdicts against this baseline (exit 3 on drift), e.g. reports/baseline.json")
    String baseline;

    @Parameters(arity = "1..*", paramLabel = "RESULTS", description = "results.json files of the runs to merge")
    List<String> inputs;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Path outDir = Path.of(out).toAbsolutePath().normalize();
        List<Results> runs = new ArrayList<>();
        for (String file : inputs) {
            Path p = Path.of(file).toAbsolutePath().normalize();
            if (outDir.equals(p.getParent())) {
                throw HarnessException.configuration("the output folder " + outDir + " holds the input " + file
                        + "; merging would clear it first: pick another -o");
            }
            runs.add(ReportFiles.readResults(p));
        }
        ResultsMerge.Merged merged = ResultsMerge.merge(runs, inputs);
        merged.notes().forEach(n -> console.println("note: " + n));
        ReportFiles files = ReportFiles.fresh(outDir);
        for (int i = 0; i < runs.size(); i++) {
            Path from = Path.of(inputs.get(i)).toAbsolutePath().normalize().getParent();
            for (CellResult c : runs.get(i).cells()) {
                files.copyLogs(from, c.logs());
            }
        }
        files.write(merged.results());
        files.appendStepSummary(System.getenv());
        console.println("Merged " + merged.results().cells().size() + " cells from " + runs.size() + " runs into "
                + outDir.resolve("index.html"));
        if (baseline == null) {
            return ExitCode.OK.code();
        }
        BaselineGate.Outcome check = BaselineGate.from(Map.of("wsbed.baseline", baseline), outDir).apply(merged.results());
        console.println(check.message());
        return (check.failed() ? ExitCode.DRIFT : ExitCode.OK).code();
    }
}
