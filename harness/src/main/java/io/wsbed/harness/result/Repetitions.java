package io.wsbed.harness.result;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds the repetitions of one cell into one result.
 *
 * <p>The verdict: ERROR when any repetition errored (a broken harness is never outvoted);
 * otherwise the verdict most repetitions reached, a tie going to the worse one (FAIL over
 * DEGRADED over SKIPPED over PASS). A majority keeps the baseline stable against a rare outlier,
 * while the flaky mark and the per-repetition verdicts keep the outlier visible. The timeline,
 * observations and logs come from the representative repetition: the one with the chosen verdict
 * whose key figure is the (lower) median among them. Every numeric metric becomes
 * {@code {p50, p95, max, samples}} with nearest-rank percentiles over the runs that measured it
 * (samples in run order, null where a run saw nothing within the window).
 */
public final class Repetitions {
    private static final List<Verdict> SEVERITY = List.of(Verdict.PASS, Verdict.SKIPPED, Verdict.DEGRADED,
            Verdict.FAIL, Verdict.ERROR);

    private Repetitions() {
    }

    /** Reads a repetition count ({@code wsbed.repeat}); absent or blank means 1. */
    public static int parseCount(String key, String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw HarnessException.configuration(key + " must be a whole number from 1 to 1000, got '" + raw + "'");
    }

    /**
     * Combines the runs of one cell (in run order). One run is returned as it is.
     *
     * @param keyMetric the metric the matrix shows for this cell's scenario
     */
    public static CellResult combine(List<CellResult> runs, String keyMetric) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no repetition to combine");
        }
        if (runs.size() == 1) {
            return runs.get(0);
        }
        List<Verdict> verdicts = runs.stream().map(CellResult::verdict).toList();
        Verdict chosen = choose(verdicts);
        CellResult rep = representative(runs, chosen, keyMetric);
        Map<String, Object> metrics = metrics(runs);
        String reason = rep.reason();
        if (verdicts.stream().distinct().count() > 1) {
            reason = reason + " Flaky: " + tally(verdicts) + " in " + runs.size() + " runs.";
        }
        return new CellResult(rep.id(), rep.scenario(), rep.server(), rep.client(), rep.profile(), rep.path(), chosen,
                reason, keyFigure(metrics.get(keyMetric), keyMetric, rep.keyFigure()), metrics, rep.observations(),
                rep.timeline(), rep.logs(), timings(runs, rep), verdicts);
    }

    static Verdict choose(List<Verdict> verdicts) {
        if (verdicts.contains(Verdict.ERROR)) {
            return Verdict.ERROR;
        }
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Verdict, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparingInt(e -> SEVERITY.indexOf(e.getKey())))
                .orElseThrow().getKey();
    }

    private static String tally(List<Verdict> verdicts) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> parts.add(n + " " + v));
        return String.join(", ", parts);
    }

    private static CellResult representative(List<CellResult> runs, Verdict chosen, String keyMetric) {
        List<CellResult> same = runs.stream().filter(r -> r.verdict() == chosen).toList();
        List<CellResult> measured = same.stream().filter(r -> r.metrics().get(keyMetric) instanceof Number)
                .sorted(Comparator.comparingDouble(r -> ((Number) r.metrics().get(keyMetric)).doubleValue())).toList();
        if (measured.isEmpty()) {
            return same.get(0);
        }
        return measured.get((measured.size() - 1) / 2);
    }

    static Map<String, Object> metrics(List<CellResult> runs) {
        Set<String> names = new LinkedHashSet<>();
        runs.forEach(r -> names.addAll(r.metrics().keySet()));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : names) {
            List<Object> values = new ArrayList<>();
            runs.stream().filter(r -> r.metrics().containsKey(name)).forEach(r -> values.add(r.metrics().get(name)));
            out.put(name, aggregate(values));
        }
        return out;
    }

    private static Object aggregate(List<Object> values) {
        boolean numeric = values.stream().allMatch(v -> v == null || v instanceof Number);
        if (!numeric) {
            List<Object> distinct = values.stream().distinct().toList();
            return distinct.size() == 1 ? distinct.get(0) : new ArrayList<>(values);
        }
        List<Number> measured = values.stream().filter(Objects::nonNull).map(v -> (Number) v)
                .sorted(Comparator.comparingDouble(Number::doubleValue)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("p50", percentile(measured, 50));
        m.put("p95", percentile(measured, 95));
        m.put("max", measured.isEmpty() ? null : measured.get(measured.size() - 1));
        m.put("samples", new ArrayList<>(values));
        return m;
    }

    /** Nearest rank: always one of the samples, so no figure is invented. */
    static Number percentile(List<Number> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static String keyFigure(Object aggregated, String keyMetric, String fallback) {
        if (keyMetric.endsWith("_ms") && aggregated instanceof Map<?, ?> m) {
            Object p50 = m.get("p50");
            if (p50 == null) {
                return "not within window";
            }
            double ms = ((Number) p50).doubleValue();
            return "p50 " + (ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms))
                    + " ms";
        }
        return fallback;
    }

    /** Durations add up over the runs; anything else is the representative's. */
    private static Map<String, Object> timings(List<CellResult> runs, CellResult rep) {
        Map<String, Object> out = new LinkedHashMap<>();
        rep.timings().forEach((k, v) -> {
            boolean summable = runs.stream().allMatch(r -> r.timings().get(k) instanceof Number);
            out.put(k, summable ? runs.stream().mapToLong(r -> ((Number) r.timings().get(k)).longValue()).sum() : v);
        });
        return out;
    }
}
