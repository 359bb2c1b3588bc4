package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes summary.md: the run header, a verdict count, the findings, and the matrix in Markdown (the server
 * view against the reference client, the client view against the reference server), each cell
 * "VERDICT figure". Fit for a CI job summary: never larger than {@link #MAX_BYTES}, which is
 * GitHub's limit for one step summary.
 */
public final class SummaryMarkdownWriter {
    /** 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Map<Verdict, String> MARK = Map.of(Verdict.PASS, "✅", Verdict.DEGRADED, "⚠️",
            Verdict.FAIL, "❌", Verdict.SKIPPED, "⏭️", Verdict.ERROR, "💥");

    private SummaryMarkdownWriter() {
    }

    public static String write(Results r) {
        return write(r, MAX_BYTES);
    }

    /** The summary, cut at a line boundary with a note when it would exceed {@code maxBytes}. */
    static String write(Results r, int maxBytes) {
        return capped(full(r), maxBytes);
    }

    /** What stacks.md predicts against what this run saw (only predictions some cell measured). */
    private static void predictions(StringBuilder md, Results r) {
        List<Predictions.Check> measured = Predictions.check(r).stream().filter(c -> c.observed() != null).toList();
        if (measured.isEmpty()) {
            return;
        }
        md.append("## stacks.md predictions\n\n| prediction | stacks.md | this run | |\n|---|---|---|---|\n");
        for (Predictions.Check c : measured) {
            md.append("| ").append(c.key()).append(" | ").append(c.predicted()).append(" | ").append(c.observed())
                    .append(" | ").append(c.status()).append(" ([cell](index.html#cell=").append(c.cell()).append(")) |\n");
        }
        md.append('\n');
    }

    /** Each stack's effective library defaults, as its info read them from the library (stacks that say). */
    private static void defaults(StringBuilder md, Results r) {
        List<StackInfo> saying = r.stacks().stream().filter(s -> !s.defaults().isBlank()).toList();
        if (saying.isEmpty()) {
            return;
        }
        md.append("## Library defaults\n\n| stack | version | defaults as shipped (read from the library) |\n|---|---|---|\n");
        for (StackInfo s : saying) {
            md.append("| ").append(s.id()).append(" | ").append(s.version()).append(" | ").append(escape(s.defaults()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** The findings first, by kind, each rule stated once, each finding one sentence with its cell's link. */
    private static void findings(StringBuilder md, List<Findings.Finding> findings) {
        md.append("## Findings\n\n");
        if (findings.isEmpty()) {
            md.append("No two stacks in the same row disagree.\n\n");
            return;
        }
        md.append(findings.size()).append(" findings, the most important first. A row is one scenario, path and profile"
                + " in one view: servers against the reference client, or clients against the reference server; what"
                + " several rows of one scenario say alike of one stack is one finding.\n\n");
        Findings.rules().forEach((kind, rule) -> {
            List<Findings.Finding> ofKind = findings.stream().filter(f -> f.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                return;
            }
            md.append("### ").append(kind.title()).append(" (").append(ofKind.size()).append(")\n\n")
                    .append("Rule: ").append(rule).append(".\n\n");
            ofKind.forEach(f -> md.append("- ").append(f.text()).append(' ').append(links(f.cells())).append('\n'));
            md.append('\n');
        });
    }

    /** "([cell](index.html#cell=a))", or "(cells [1](...) [2](...))" for a finding about several. */
    private static String links(List<String> cells) {
        if (cells.size() == 1) {
            return "([cell](index.html#cell=" + cells.get(0) + "))";
        }
        StringBuilder out = new StringBuilder("(cells");
        for (int i = 0; i < cells.size(); i++) {
            out.append(" [").append(i + 1).append("](index.html#cell=").append(cells.get(i)).append(')');
        }
        return out.append(')').toString();
    }

    private static String full(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("# wsbed report\n\n");
        md.append("Run `").append(r.run().id()).append("`, ").append(r.run().start()).append(" to ").append(r.run().end())
                .append(", seed ").append(r.run().seed()).append(" (re-run with `-Dwsbed.seed=").append(r.run().seed())
                .append("`), infra ").append(r.run().infra()).append(".\n\n");
        List<String> names = new ArrayList<>();
        for (StackInfo s : r.stacks()) {
            names.add(s.id() + " " + s.version());
        }
        md.append("Stacks: ").append(String.join(", ", names)).append(".\n\n");
        List<String> t = new ArrayList<>();
        r.run().timings().forEach((k, v) -> t.add(k + "=" + v));
        md.append("Scaled timings: ").append(String.join(", ", t)).append(".\n\n");
        md.append(counts(r.cells())).append("\n\n");
        findings(md, Findings.of(r));
        for (MatrixLayout.Table table : MatrixLayout.tables(r)) {
            table(md, table);
        }
        list(md, "Other cells", MatrixLayout.others(r), c -> cellText(c));
        WssComparison.append(md, r);
        FallbackSummary.write(md, r);
        predictions(md, r);
        defaults(md, r);
        list(md, "Flaky cells", r.cells().stream().filter(CellResult::flaky).toList(),
                c -> c.verdict() + " from " + c.repetitions());
        list(md, "Errors and skips", r.cells().stream()
                .filter(c -> c.verdict() == Verdict.ERROR || c.verdict() == Verdict.SKIPPED).toList(),
                c -> c.verdict() + ": " + escape(c.reason()));
        md.append("Every cell's timeline, metrics and observations: index.html beside this file.\n");
        return md.toString();
    }

    private static String counts(List<CellResult> cells) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        cells.forEach(c -> n.merge(c.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.forEach((v, k) -> parts.add(k + " " + v));
        long flaky = cells.stream().filter(CellResult::flaky).count();
        return "**" + cells.size() + " cells:** " + String.join(", ", parts) + (flaky > 0 ? "; " + flaky + " flaky" : "")
                + ".";
    }

    private static void table(StringBuilder md, MatrixLayout.Table table) {
        md.append("## ").append(table.title()).append("\n\n| scenario | path | profile |");
        table.columns().forEach(col -> md.append(' ').append(col).append(" |"));
        md.append("\n|---|---|---|");
        table.columns().forEach(col -> md.append("---|"));
        md.append('\n');
        for (MatrixLayout.Row row : table.rows()) {
            md.append("| ").append(row.scenario()).append(" | ").append(row.path()).append(" | ").append(row.profile())
                    .append(" |");
            for (String col : table.columns()) {
                md.append(' ').append(table.at(row, col).map(SummaryMarkdownWriter::cellText).orElse("")).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void list(StringBuilder md, String title, List<CellResult> cells,
                             java.util.function.Function<CellResult, String> text) {
        if (cells.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        for (CellResult c : cells) {
            md.append("- `").append(c.id()).append("` ").append(text.apply(c)).append('\n');
        }
        md.append('\n');
    }

    private static String cellText(CellResult c) {
        return MARK.get(c.verdict()) + " " + c.verdict() + (c.keyFigure().isEmpty() ? "" : " " + escape(c.keyFigure()))
                + (c.flaky() ? " (flaky)" : "");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String capped(String md, int maxBytes) {
        byte[] bytes = md.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return md;
        }
        String note = "\n**Truncated:** this summary passed " + maxBytes + " bytes; the full matrix is in index.html"
                + " and results.json.\n";
        int budget = maxBytes - note.getBytes(StandardCharsets.UTF_8).length;
        int end = 0;
        int bytesSoFar = 0;
        for (int i = 0; i < md.length(); ) {
            int cp = md.codePointAt(i);
            bytesSoFar += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytesSoFar > budget) {
                break;
            }
            i += Character.charCount(cp);
            if (cp == '\n') {
                end = i;
            }
        }
        return md.substring(0, end) + note;
    }
}
