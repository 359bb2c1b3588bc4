package io.wsbed.scenarios;

import io.wsbed.harness.report.ReportFiles;
import io.wsbed.harness.result.Results;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * How long index.html takes to open from disk in headless Chromium with a large matrix: a synthetic
 * run of {@code wsbed.bench.cells} cells (default 800; 16 server and 20 client stacks, every
 * scenario) is written as a report folder, then opened {@code wsbed.bench.runs} times (default 7)
 * in one browser. Each load is timed by the page itself, from navigation start to the moment it has
 * drawn everything (the {@code wsbed-ready} performance mark), and from outside, from the WebDriver
 * call to the page saying it is ready. Prints the file size and each time with the median, and
 * writes them to target/report-load-benchmark.txt. A benchmark, not a test: it asserts nothing
 * about time, and runs only when named:
 *
 * <pre>mvn -q -o -pl scenarios -am test -Dtest=ReportLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ReportLoadBenchmark {

    @Test
    void opensTheReportOfALargeRun() throws IOException {
        ChromiumPage.missing().ifPresent(Assumptions::abort);
        int cells = Integer.getInteger("wsbed.bench.cells", 800);
        int runs = Integer.getInteger("wsbed.bench.runs", 7);
        Results results = SyntheticResults.of(16, 20, cells, 800L);
        Path dir = Path.of("target", "bench-report-" + results.cells().size());
        ReportFiles.fresh(dir).write(results);
        Path html = dir.resolve("index.html");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %d cells, %d stacks, %.2f MB (%d bytes); results.json %.2f MB",
                html, results.cells().size(), results.stacks().size(), Files.size(html) / 1e6, Files.size(html),
                Files.size(dir.resolve("results.json")) / 1e6));
        List<Double> drawn = new ArrayList<>();
        List<Double> outside = new ArrayList<>();
        try (ChromiumPage page = ChromiumPage.open(html, dir.resolve("logs").resolve("_run").resolve("chromedriver.log"))) {
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                page.go("");
                outside.add((System.nanoTime() - start) / 1e6);
                drawn.add(((Number) page.script("return performance.getEntriesByName('wsbed-ready')[0].startTime;"))
                        .doubleValue());
            }
        }
        lines.add("drawn (navigation start to the wsbed-ready mark), ms: " + times(drawn) + "; median " + fmt(median(drawn)));
        lines.add("WebDriver get to ready, ms: " + times(outside) + "; median " + fmt(median(outside)));
        lines.forEach(System.out::println);
        try {
            Files.write(Path.of("target", "report-load-benchmark.txt"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String times(List<Double> values) {
        return String.join(", ", values.stream().map(ReportLoadBenchmark::fmt).toList());
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.0f", ms);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
