package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the compare view shows: for each row of the matrix and each pair of stacks in it, what
 * differs between their two cells. Two cells differ in their verdict, in a signal one of their
 * applications was told ({@link Signals}), or in a figure both have that is far apart by the rule
 * of {@link Figures#far}. Pairs that do not differ are left out.
 */
public final class Differences {

    /**
     * One row of one view.
     *
     * @param view "server" or "client"
     * @param label "server-crash · nginx · default, servers against client jdk"
     * @param cells each column stack's cell id, in column order
     * @param pairs "a b" (a before b in column order) to what differs, for the pairs that differ
     */
    public record Row(String view, String label, Map<String, String> cells, Map<String, List<String>> pairs) {
    }

    private Differences() {
    }

    public static List<Row> of(Results r) {
        List<Row> out = new ArrayList<>();
        for (MatrixLayout.Table t : MatrixLayout.tables(r)) {
            for (MatrixLayout.Row row : t.rows()) {
                List<CellResult> cells = t.cells(row);
                if (cells.size() < 2) {
                    continue;
                }
                Map<String, String> ids = new LinkedHashMap<>();
                cells.forEach(c -> ids.put(t.columnOf(c), c.id()));
                Map<String, List<String>> pairs = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    for (int j = i + 1; j < cells.size(); j++) {
                        List<String> what = between(cells.get(i), cells.get(j));
                        if (!what.isEmpty()) {
                            pairs.put(t.columnOf(cells.get(i)) + " " + t.columnOf(cells.get(j)), what);
                        }
                    }
                }
                out.add(new Row(t.role(), row.label() + ", " + t.against(), ids, pairs));
            }
        }
        return out;
    }

    /** What differs between two cells of a row: "verdict", signal labels, figure names; empty when nothing. */
    static List<String> between(CellResult a, CellResult b) {
        List<String> out = new ArrayList<>();
        if (a.verdict() != b.verdict()) {
            out.add("verdict");
        }
        Map<String, String> sa = Signals.of(a);
        Map<String, String> sb = Signals.of(b);
        sa.forEach((key, value) -> {
            if (sb.containsKey(key) && !sb.get(key).equals(value)) {
                out.add(Signals.label(key));
            }
        });
        Map<String, Double> fa = Figures.of(a);
        Map<String, Double> fb = Figures.of(b);
        fa.forEach((name, value) -> {
            if (fb.containsKey(name) && Figures.far(value, fb.get(name))) {
                out.add(name);
            }
        });
        return out;
    }
}
