package io.wsbed.harness.report;

import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cells where stacks in the same row disagree, each as one sentence with its cell: what a team
 * choosing a stack reads first. A row is one scenario, path and profile in one view of the matrix
 * (servers against the reference client, or clients against the reference server). The findings
 * come in the order of {@link Kind}, then in matrix order (view, row, column); the predictions
 * that failed come last, in key order. What several rows of one scenario say alike of one stack
 * is one finding.
 */
public final class Findings {
    /** What kind of disagreement a finding is, most important first. */
    public enum Kind {
        VERDICT("A different verdict"),
        SIGNAL("A different signal to the application"),
        FIGURE("A time far from its row's median"),
        PREDICTION("A prediction of stacks.md that failed");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One finding.
     *
     * @param cells the cells it is about: one, or one per row of a scenario that says the same
     * @param stack the stack the finding is about (the cells' column, or the predicted stack)
     * @param view "server" or "client" (the view whose rows disagree), or null for a prediction
     * @param text one sentence, naming the rows, the stack and what the others did
     */
    public record Finding(Kind kind, List<String> cells, String stack, String view, String text) {
        public Finding {
            cells = List.copyOf(cells);
        }

        /** The cell the finding links to: its first. */
        public String cell() {
            return cells.get(0);
        }
    }

    /** What one row says of one cell, before the rows of a scenario that say the same are merged. */
    private record RowFinding(Kind kind, CellResult cell, String stack, String says) {
    }

    private static final int NAMES_SHOWN = 4;

    private Findings() {
    }

    /** The rule of each kind, in words, as both reports state it. */
    public static Map<Kind, String> rules() {
        Map<Kind, String> out = new LinkedHashMap<>();
        out.put(Kind.VERDICT, "a verdict other than the one most cells of its row have (on a tie, the better"
                + " verdict is the row's; SKIPPED cells are left out)");
        out.put(Kind.SIGNAL, "a side told something else than in most cells of its row: another close code, an"
                + " error, a refused send or nothing, or another answer to a send after close (on a tie, what the"
                + " row's first column says is the row's)");
        out.put(Kind.FIGURE, "a detection, reconnect or key time " + Figures.rule() + " from the median of the same"
                + " figure in its row (rows with at least three such times)");
        out.put(Kind.PREDICTION, "shared/reference/stacks.md predicted what the stack tells the application and"
                + " this run saw something else");
        return out;
    }

    /**
     * Every finding, most important kind first, then in matrix order. The rows of one scenario in
     * one view that say the same of the same stack (a close code on every path and profile) are one
     * finding with a cell per row.
     */
    public static List<Finding> of(Results r) {
        Map<String, Merged> merged = new LinkedHashMap<>();
        for (MatrixLayout.Table t : MatrixLayout.tables(r)) {
            for (MatrixLayout.Row row : t.rows()) {
                List<CellResult> cells = t.cells(row);
                List<RowFinding> found = new ArrayList<>(verdicts(t, cells));
                found.addAll(signals(t, cells));
                found.addAll(figures(t, cells));
                for (RowFinding f : found) {
                    String key = String.join("|", f.kind().name(), t.role(), row.scenario(), f.stack(), f.says());
                    merged.computeIfAbsent(key, k -> new Merged(f, t, row.scenario())).add(row, f.cell());
                }
            }
        }
        List<Finding> out = new ArrayList<>(merged.values().stream().map(Merged::finding)
                .sorted(Comparator.comparing(Finding::kind)).toList());
        out.addAll(predictions(r));
        return out;
    }

    private static List<RowFinding> verdicts(MatrixLayout.Table t, List<CellResult> row) {
        // A SKIPPED cell measured nothing: a stack that cannot take part is not a verdict to compare.
        List<CellResult> cells = row.stream().filter(c -> c.verdict() != Verdict.SKIPPED).toList();
        Split split = Split.of(cells, c -> c.verdict().name(), Comparator.comparing(v -> Verdict.valueOf(v).ordinal()));
        List<RowFinding> out = new ArrayList<>();
        for (CellResult c : split.odd()) {
            List<CellResult> usual = split.groups().get(split.usual());
            out.add(new RowFinding(Kind.VERDICT, c, t.columnOf(c), t.columnOf(c) + " is " + c.verdict() + ", where "
                    + names(t, usual) + (usual.size() == 1 ? " is " : " are ") + split.usual() + "."));
        }
        return out;
    }

    private static List<RowFinding> signals(MatrixLayout.Table t, List<CellResult> cells) {
        List<RowFinding> out = new ArrayList<>();
        having(cells, Signals::of).forEach((key, having) -> {
            Split split = Split.of(having, c -> Signals.of(c).get(key), firstSeen(having, key));
            boolean told = key.endsWith("_told");
            for (CellResult c : split.odd()) {
                out.add(new RowFinding(Kind.SIGNAL, c, t.columnOf(c), "with " + t.columnOf(c) + " the "
                        + Signals.label(key) + (told ? " " : " answered ") + Signals.of(c).get(key) + ", with "
                        + names(t, split.groups().get(split.usual())) + " " + split.usual() + "."));
            }
        });
        return out;
    }

    private static List<RowFinding> figures(MatrixLayout.Table t, List<CellResult> cells) {
        List<RowFinding> out = new ArrayList<>();
        having(cells, Figures::of).forEach((name, having) -> {
            if (having.size() < 3) {
                return;
            }
            double median = Figures.median(having.stream().map(c -> Figures.of(c).get(name)).toList());
            for (CellResult c : having) {
                double v = Figures.of(c).get(name);
                if (Figures.far(v, median)) {
                    out.add(new RowFinding(Kind.FIGURE, c, t.columnOf(c), "with " + t.columnOf(c) + " " + name + " was "
                            + Millis.format(v) + " ms, where the row's median is " + Millis.format(median) + " ms ("
                            + having.size() + " stacks)."));
                }
            }
        });
        return out;
    }

    /** Each key some cell's map holds (in the order first seen), with the cells whose map holds it. */
    private static Map<String, List<CellResult>> having(List<CellResult> cells,
                                                        Function<CellResult, Map<String, ?>> of) {
        Map<String, List<CellResult>> out = new LinkedHashMap<>();
        cells.forEach(c -> of.apply(c).keySet().forEach(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(c)));
        return out;
    }

    private static List<Finding> predictions(Results r) {
        return Predictions.check(r).stream().filter(c -> c.status().equals("saw instead"))
                .map(c -> new Finding(Kind.PREDICTION, List.of(c.cell()), c.key().substring(0, c.key().indexOf('.')), null,
                        "stacks.md predicts " + c.key() + " = " + c.predicted() + "; this run saw " + c.observed() + "."))
                .toList();
    }

    /** On a tie, the value the row's first column holds is the row's. */
    private static Comparator<String> firstSeen(List<CellResult> cells, String key) {
        List<String> order = cells.stream().map(c -> Signals.of(c).get(key)).distinct().toList();
        return Comparator.comparingInt(order::indexOf);
    }

    /** "jetty", "jetty and tyrus", "jdk, jetty, okhttp, tyrus and 3 more". */
    private static String names(MatrixLayout.Table t, List<CellResult> cells) {
        List<String> ids = cells.stream().map(t::columnOf).toList();
        if (ids.size() == 1) {
            return ids.get(0);
        }
        if (ids.size() > NAMES_SHOWN + 1) {
            return String.join(", ", ids.subList(0, NAMES_SHOWN)) + " and " + (ids.size() - NAMES_SHOWN) + " more";
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }

    /** The rows of one scenario and view that say the same of one stack: "server-crash (direct default, nginx default)". */
    private static final class Merged {
        private final RowFinding first;
        private final MatrixLayout.Table table;
        private final String scenario;
        private final List<String> rows = new ArrayList<>();
        private final List<String> cells = new ArrayList<>();

        Merged(RowFinding first, MatrixLayout.Table table, String scenario) {
            this.first = first;
            this.table = table;
            this.scenario = scenario;
        }

        Merged add(MatrixLayout.Row row, CellResult cell) {
            rows.add(row.path() + " " + row.profile());
            cells.add(cell.id());
            return this;
        }

        Finding finding() {
            return new Finding(first.kind(), cells, first.stack(), table.role(), scenario + " (" + String.join(", ", rows)
                    + "), " + table.against() + ": " + first.says());
        }
    }

    /**
     * A row's cells grouped by one value (in column order), the row's usual value (the largest
     * group; a tie goes to the value the comparator puts first) and, in column order, the cells that
     * differ from it.
     */
    private record Split(String usual, Map<String, List<CellResult>> groups, List<CellResult> odd) {
        static Split of(List<CellResult> cells, Function<CellResult, String> value, Comparator<String> tie) {
            Map<String, List<CellResult>> groups = new LinkedHashMap<>();
            cells.forEach(c -> groups.computeIfAbsent(value.apply(c), k -> new ArrayList<>()).add(c));
            String usual = groups.keySet().stream()
                    .min(Comparator.comparingInt((String v) -> -groups.get(v).size()).thenComparing(tie)).orElse(null);
            return new Split(usual, groups, cells.stream().filter(c -> !value.apply(c).equals(usual)).toList());
        }
    }
}
