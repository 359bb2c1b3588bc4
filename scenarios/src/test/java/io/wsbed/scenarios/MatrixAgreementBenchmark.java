package io.wsbed.scenarios;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Cells side by side against cells one at a time, on the same machine and day: the selected matrix
 * (every cell unless wsbed.* selection properties narrow it) runs serially and with
 * {@code wsbed.bench.parallel} cells at once (default: the machine's default), alternated
 * {@code wsbed.bench.rounds} times each (default 2: serial, concurrent, serial, concurrent), all
 * with one seed. Reports the wall time of each run and the ratio of the medians; the verdicts that
 * differ between the two serial runs (the flaky cells, as the machine makes them) and those that
 * differ between a serial and a concurrent run beyond them; and the median and p95 of the absolute
 * difference of each cell's key figure (a time in ms) between the serial runs and between serial
 * and concurrent runs. Writes target/agreement-benchmark.md. A benchmark, not a test: it asserts
 * nothing, and runs only when named:
 *
 * <pre>mvn -q -o -pl scenarios -am test -Dtest=MatrixAgreementBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class MatrixAgreementBenchmark {

    @Test
    void comparesSerialAndConcurrentRuns() throws IOException {
        int parallel = Integer.getInteger("wsbed.bench.parallel", Settings.defaultParallel());
        int rounds = Integer.getInteger("wsbed.bench.rounds", 2);
        long seed = Long.getLong("wsbed.seed", 20261129L);
        Map<String, Results> serial = new LinkedHashMap<>();
        Map<String, Results> concurrent = new LinkedHashMap<>();
        Map<String, Double> walls = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int n : List.of(1, parallel)) {
                String name = (n == 1 ? "serial-" : "parallel-") + round;
                long began = System.nanoTime();
                Results r = run(name, n, seed);
                walls.put(name, (System.nanoTime() - began) / 1e9);
                (n == 1 ? serial : concurrent).put(name, r);
                System.out.printf(Locale.ROOT, "wsbed bench: %s: %d cells in %.0f s%n", name, r.cells().size(), walls.get(name));
            }
        }
        List<String> out = new ArrayList<>();
        out.add("| run | cells | wall |");
        out.add("|---|---|---|");
        walls.forEach((k, v) -> out.add(String.format(Locale.ROOT, "| %s | %d | %.0f s |", k,
                (serial.containsKey(k) ? serial : concurrent).get(k).cells().size(), v)));
        double ratio = median(pick(walls, "parallel")) / median(pick(walls, "serial"));
        out.add("");
        out.add(String.format(Locale.ROOT, "Wall time ratio (median concurrent / median serial), parallel %d: **%.2f**",
                parallel, ratio));

        List<Results> s = new ArrayList<>(serial.values());
        Set<String> flaky = new TreeSet<>();
        Map<String, List<Double>> serialDiffs = new TreeMap<>();
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                flaky.addAll(differing(s.get(i), s.get(j)));
                figureDiffs(s.get(i), s.get(j), serialDiffs);
            }
        }
        Set<String> beyond = new TreeSet<>();
        Map<String, List<Double>> crossDiffs = new TreeMap<>();
        for (Results a : s) {
            for (Results b : concurrent.values()) {
                differing(a, b).stream().filter(id -> !flaky.contains(id)).forEach(id -> beyond.add(id + ": "
                        + verdict(a, id) + " serially, " + verdict(b, id) + " concurrently"));
                figureDiffs(a, b, crossDiffs);
            }
        }
        out.add("");
        out.add("Verdicts differing between the serial runs (flaky on this machine): " + flaky.size()
                + (flaky.isEmpty() ? "" : " " + flaky));
        out.add("");
        out.add("Verdicts differing between a serial and a concurrent run, flaky cells aside: " + beyond.size());
        beyond.forEach(b -> out.add("- " + b));
        out.add("");
        out.add("| key figure, absolute difference | pairs | median | p95 |");
        out.add("|---|---|---|---|");
        out.add(row("serial vs serial", all(serialDiffs)));
        out.add(row("serial vs concurrent", all(crossDiffs)));
        out.add("");
        out.add("| scenario (key figure) | serial vs serial: median / p95 | serial vs concurrent: median / p95 |");
        out.add("|---|---|---|");
        crossDiffs.forEach((scenario, cross) -> out.add(String.format(Locale.ROOT, "| %s (%s) | %s | %s |", scenario,
                Scenarios.create(scenario).keyMetric(), spread(serialDiffs.getOrDefault(scenario, List.of())),
                spread(cross))));
        out.forEach(System.out::println);
        Files.write(Path.of("target", "agreement-benchmark.md"), out);
    }

    private static Results run(String name, int parallel, long seed) {
        Map<String, String> props = new TreeMap<>(Settings.systemProperties());
        props.put("wsbed.report.dir", Path.of("target", "agreement", name).toAbsolutePath().toString());
        props.put("wsbed.parallel", Integer.toString(parallel));
        props.put("wsbed.seed", Long.toString(seed));
        MatrixRun run = MatrixRun.prepare(Settings.from(props), Clock.systemUTC());
        run.runAll();
        return run.finish();
    }

    private static Set<String> differing(Results a, Results b) {
        Map<String, CellResult> other = byId(b);
        Set<String> out = new TreeSet<>();
        for (CellResult c : a.cells()) {
            CellResult o = other.get(c.id());
            if (o != null && o.verdict() != c.verdict()) {
                out.add(c.id());
            }
        }
        return out;
    }

    private static String verdict(Results r, String id) {
        return byId(r).get(id).verdict().name();
    }

    /** Adds |a - b| of each cell's key figure, where both runs have it as a number of ms, under its scenario. */
    private static void figureDiffs(Results a, Results b, Map<String, List<Double>> out) {
        Map<String, CellResult> other = byId(b);
        for (CellResult c : a.cells()) {
            CellResult o = other.get(c.id());
            String metric = Scenarios.create(c.scenario()).keyMetric();
            if (o != null && metric.endsWith("_ms") && c.metrics().get(metric) instanceof Number x
                    && o.metrics().get(metric) instanceof Number y) {
                out.computeIfAbsent(c.scenario(), k -> new ArrayList<>()).add(Math.abs(x.doubleValue() - y.doubleValue()));
            }
        }
    }

    private static List<Double> all(Map<String, List<Double>> byScenario) {
        return byScenario.values().stream().flatMap(List::stream).toList();
    }

    private static String spread(List<Double> diffs) {
        return diffs.isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f ms", median(diffs), percentile(diffs, 0.95));
    }

    private static Map<String, CellResult> byId(Results r) {
        Map<String, CellResult> m = new LinkedHashMap<>();
        r.cells().forEach(c -> m.put(c.id(), c));
        return m;
    }

    private static List<Double> pick(Map<String, Double> walls, String prefix) {
        return walls.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue).toList();
    }

    private static String row(String what, List<Double> diffs) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms |", what, diffs.size(), median(diffs),
                percentile(diffs, 0.95));
    }

    private static double median(List<Double> v) {
        return percentile(v, 0.5);
    }

    private static double percentile(List<Double> v, double p) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
