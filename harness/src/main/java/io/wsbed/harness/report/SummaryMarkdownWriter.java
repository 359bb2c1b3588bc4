package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes summary.md: the run header, a verdict count, and the matrix in Markdown (one table for
 * the server view against the reference client, one for the client view against the reference
 * server), each cell "VERDICT figure". Fit for a CI job summary.
 */
public final class SummaryMarkdownWriter {
    private SummaryMarkdownWriter() {
    }

    public static String write(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("# wsbed report\n\n");
        md.append("Run `").append(r.run().id()).append("`, ").append(r.run().start()).append(" to ").append(r.run().end())
                .append(", seed ").append(r.run().seed()).append(", infra ").append(r.run().infra()).append(".\n\n");
        md.append("Stacks: ");
        List<String> names = new ArrayList<>();
        for (StackInfo s : r.stacks()) {
            names.add(s.id() + " " + s.version());
        }
        md.append(String.join(", ", names)).append(".\n\n");
        md.append("Scaled timings: ");
        List<String> t = new ArrayList<>();
        r.run().timings().forEach((k, v) -> t.add(k + "=" + v));
        md.append(String.join(", ", t)).append(".\n\n");
        md.append(counts(r.cells())).append("\n\n");
        String referenceClient = String.valueOf(r.run().selection().get("reference_client"));
        String referenceServer = String.valueOf(r.run().selection().get("reference_server"));
        table(md, "Servers (client: " + referenceClient + ")", r.cells(), true, referenceClient);
        table(md, "Clients (server: " + referenceServer + ")", r.cells(), false, referenceServer);
        List<CellResult> problems = r.cells().stream()
                .filter(c -> c.verdict() == Verdict.ERROR || c.verdict() == Verdict.SKIPPED).toList();
        if (!problems.isEmpty()) {
            md.append("## Errors and skips\n\n");
            for (CellResult c : problems) {
                md.append("- `").append(c.id()).append("` ").append(c.verdict()).append(": ").append(escape(c.reason())).append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String counts(List<CellResult> cells) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        cells.forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((v, k) -> parts.add(k + " " + v));
        return "**" + cells.size() + " cells:** " + String.join(", ", parts) + ".";
    }

    /** One matrix: rows are scenario and profile, columns are the stacks of this view. */
    private static void table(StringBuilder md, String title, List<CellResult> cells, boolean serverView, String reference) {
        List<CellResult> view = cells.stream()
                .filter(c -> serverView ? c.client().equals(reference) : c.server().equals(reference)).toList();
        Set<String> columns = new LinkedHashSet<>();
        Set<String> rows = new LinkedHashSet<>();
        for (CellResult c : view) {
            columns.add(serverView ? c.server() : c.client());
            rows.add(c.scenario() + "|" + c.profile() + "|" + c.path());
        }
        if (view.isEmpty() || (!serverView && columns.size() < 2)) {
            return;
        }
        md.append("## ").append(title).append("\n\n| scenario | profile | path |");
        columns.forEach(col -> md.append(' ').append(col).append(" |"));
        md.append("\n|---|---|---|");
        columns.forEach(col -> md.append("---|"));
        md.append('\n');
        for (String row : rows) {
            String[] k = row.split("\\|");
            md.append("| ").append(k[0]).append(" | ").append(k[1]).append(" | ").append(k[2]).append(" |");
            for (String col : columns) {
                Optional<CellResult> c = view.stream().filter(x -> x.scenario().equals(k[0]) && x.profile().equals(k[1])
                        && x.path().equals(k[2]) && (serverView ? x.server() : x.client()).equals(col)).findFirst();
                md.append(' ').append(c.map(SummaryMarkdownWriter::cellText).orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String cellText(CellResult c) {
        return c.verdict() + (c.keyFigure().isEmpty() ? "" : " " + escape(c.keyFigure()));
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
