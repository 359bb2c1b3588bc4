package io.wsbed.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints where the time of {@code mvn verify} went, by phase: the build (compiling, packaging,
 * everything that is not a test), the unit tests of every module, the matrix's cells, the checks
 * that follow them (baseline, recheck, the report in Chromium) and the other integration tests.
 * Read from the test reports this build wrote (surefire and failsafe XML newer than the build's
 * start) and the build's start time; run by the scenarios module after its integration tests (so
 * it prints even when one failed), and writes the table to target/phase-times.txt as well.
 *
 * <p>Arguments: the repository root, the build's start ({@code ${maven.build.timestamp}}, ISO-8601 UTC).
 */
public final class PhaseTimes {
    private static final Set<String> MATRIX_CHECKS = Set.of("verdictsMatchTheBaseline", "recheckReproducesEveryCell",
            "reportOpensInChromium");

    private PhaseTimes() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Instant start = Instant.parse(args[1]);
        double total = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Map<String, Double> phases = new LinkedHashMap<>();
        phases.put("unit tests (every module)", 0.0);
        phases.put("matrix cells (MatrixIT)", 0.0);
        phases.put("report check (baseline, recheck, Chromium)", 0.0);
        phases.put("other integration tests", 0.0);
        for (Path report : reports(root, start)) {
            boolean failsafe = report.getParent().getFileName().toString().equals("failsafe-reports");
            NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element c = (Element) cases.item(i);
                double t = seconds(c.getAttribute("time"));
                String phase = !failsafe ? "unit tests (every module)"
                        : !c.getAttribute("classname").endsWith(".MatrixIT") ? "other integration tests"
                        : MATRIX_CHECKS.contains(method(c.getAttribute("name"))) ? "report check (baseline, recheck, Chromium)"
                        : "matrix cells (MatrixIT)";
                phases.merge(phase, t, Double::sum);
            }
        }
        double tests = phases.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> lines = new ArrayList<>();
        lines.add("wsbed: time per phase of this build (" + minutes(total) + " in all)");
        lines.add(row("build (compile, package, start archives, all but tests)", Math.max(0, total - tests)));
        phases.forEach((k, v) -> lines.add(row(k, v)));
        lines.forEach(System.out::println);
        Path out = root.resolve("scenarios").resolve("target").resolve("phase-times.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    /** Every surefire and failsafe XML report under the root written since the build started. */
    private static List<Path> reports(Path root, Instant start) throws IOException {
        try (Stream<Path> all = Files.walk(root, 5)) {
            return all.filter(p -> p.getFileName().toString().startsWith("TEST-") && p.toString().endsWith(".xml"))
                    .filter(p -> Set.of("surefire-reports", "failsafe-reports").contains(p.getParent().getFileName().toString()))
                    .filter(p -> modifiedSince(p, start)).sorted().toList();
        }
    }

    private static boolean modifiedSince(Path p, Instant start) {
        try {
            return !Files.getLastModifiedTime(p).toInstant().isBefore(start);
        } catch (IOException e) {
            return false;
        }
    }

    /** "verdictsMatchTheBaseline(MatrixRun)" -> "verdictsMatchTheBaseline", as failsafe names a test method. */
    static String method(String testcase) {
        int paren = testcase.indexOf('(');
        return paren < 0 ? testcase : testcase.substring(0, paren);
    }

    private static double seconds(String raw) {
        try {
            return Double.parseDouble(raw.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String row(String phase, double seconds) {
        return String.format(Locale.ROOT, "  %-58s %s", phase, minutes(seconds));
    }

    private static String minutes(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
