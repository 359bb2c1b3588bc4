package io.wsbed.harness.baseline;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two runs: changed verdicts, cells only in one of them, and large shifts in timing
 * figures. A figure is a {@code *_ms} metric (its p95 when the cell was repeated); it shifts when
 * it grew by more than {@code threshold} (0.5 = +50%) or shrank by the same factor, and by at
 * least {@code minMs} in absolute terms, or when it appeared or vanished (seen vs not within the
 * window). The absolute floor matters: on a busy two-core machine a 10 ms detection moves by
 * tens of milliseconds between runs, and reconnect times move with the backoff jitter of the seed.
 */
public final class ResultsDiff {
    private ResultsDiff() {
    }

    /** The differences; {@link #text()} is what the CLI prints. */
    public record Report(List<String> verdicts, List<String> onlyOld, List<String> onlyNew, List<String> up,
                         List<String> down) {
        public boolean hasChanges() {
            return !verdicts.isEmpty() || !onlyOld.isEmpty() || !onlyNew.isEmpty() || !up.isEmpty() || !down.isEmpty();
        }

        public String text() {
            if (!hasChanges()) {
                return "No changed verdict and no figure shifted.";
            }
            StringBuilder out = new StringBuilder();
            section(out, "Changed verdicts", verdicts);
            section(out, "Figures up (slower)", up);
            section(out, "Figures down (faster)", down);
            section(out, "Cells only in the old run", onlyOld);
            section(out, "Cells only in the new run", onlyNew);
            return out.toString().stripTrailing();
        }

        private static void section(StringBuilder out, String title, List<String> lines) {
            if (lines.isEmpty()) {
                return;
            }
            out.append(title).append(" (").append(lines.size()).append("):\n");
            lines.forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }

    public static Report diff(Results old, Results now, double threshold, double minMs) {
        Map<String, CellResult> before = byId(old);
        Map<String, CellResult> after = byId(now);
        List<String> verdicts = new ArrayList<>();
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        List<String> onlyOld = new ArrayList<>();
        List<String> onlyNew = new ArrayList<>();
        before.forEach((id, a) -> {
            CellResult b = after.get(id);
            if (b == null) {
                onlyOld.add(id + " " + a.verdict());
                return;
            }
            if (a.verdict() != b.verdict() || a.flaky() != b.flaky()) {
                verdicts.add(id + ": " + a.verdict() + (a.flaky() ? " (flaky)" : "") + " -> " + b.verdict()
                        + (b.flaky() ? " (flaky)" : ""));
            }
            a.metrics().forEach((name, va) -> {
                if (name.endsWith("_ms") && b.metrics().containsKey(name)) {
                    Double was = figure(va);
                    Double is = figure(b.metrics().get(name));
                    String s = shift(was, is, threshold, minMs);
                    if (s != null) {
                        // Seen -> not seen counts as slower: the side was no longer told within the window.
                        boolean slower = is == null || (was != null && is > was);
                        (slower ? up : down).add(id + " " + name + (va instanceof Map ? " (p95)" : "") + ": " + s);
                    }
                }
            });
        });
        after.forEach((id, b) -> {
            if (!before.containsKey(id)) {
                onlyNew.add(id + " " + b.verdict());
            }
        });
        return new Report(verdicts, onlyOld, onlyNew, up, down);
    }

    /** The comparable number of a metric: itself, or its p95 when repeated; null = not seen. */
    static Double figure(Object metric) {
        Object v = metric instanceof Map<?, ?> m ? m.get("p95") : metric;
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static String shift(Double a, Double b, double threshold, double minMs) {
        if (a == null && b == null) {
            return null;
        }
        if (a == null || b == null) {
            return ms(a) + " -> " + ms(b);
        }
        boolean up = b > a * (1 + threshold) && b - a >= minMs;
        boolean down = a > b * (1 + threshold) && a - b >= minMs;
        if (!up && !down) {
            return null;
        }
        String pct = a == 0 ? "new" : String.format(Locale.ROOT, "%+.0f%%", (b - a) / a * 100);
        return ms(a) + " -> " + ms(b) + " (" + pct + ")";
    }

    private static String ms(Double v) {
        if (v == null) {
            return "not within window";
        }
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " ms";
    }

    private static Map<String, CellResult> byId(Results r) {
        Map<String, CellResult> m = new LinkedHashMap<>();
        r.cells().forEach(c -> m.put(c.id(), c));
        return m;
    }
}
