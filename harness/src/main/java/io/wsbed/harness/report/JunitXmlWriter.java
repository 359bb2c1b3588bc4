package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the junit/ folder for CI dashboards: one {@code TEST-wsbed.<scenario>.xml} per scenario
 * in the Ant JUnit format, one testcase per cell named by the cell id. FAIL becomes a failure,
 * SKIPPED a skipped test, ERROR an error, each with the reason as the message; PASS and DEGRADED
 * pass (DEGRADED is a finding, not a broken test) and carry their verdict in system-out.
 */
public final class JunitXmlWriter {
    private JunitXmlWriter() {
    }

    /** File name (inside junit/) to content, in scenario order. */
    public static Map<String, String> write(Results r) {
        Map<String, List<CellResult>> byScenario = new LinkedHashMap<>();
        r.cells().forEach(c -> byScenario.computeIfAbsent(c.scenario(), k -> new ArrayList<>()).add(c));
        Map<String, String> files = new LinkedHashMap<>();
        byScenario.forEach((scenario, cells) -> files.put("TEST-wsbed." + scenario + ".xml", suite(r, scenario, cells)));
        return files;
    }

    private static String suite(Results r, String scenario, List<CellResult> cells) {
        long failures = cells.stream().filter(c -> c.verdict() == Verdict.FAIL).count();
        long errors = cells.stream().filter(c -> c.verdict() == Verdict.ERROR).count();
        long skipped = cells.stream().filter(c -> c.verdict() == Verdict.SKIPPED).count();
        double seconds = cells.stream().mapToDouble(JunitXmlWriter::seconds).sum();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuite name=\"wsbed.").append(esc(scenario)).append("\" tests=\"").append(cells.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors).append("\" skipped=\"")
                .append(skipped).append("\" time=\"").append(time(seconds)).append("\" timestamp=\"")
                .append(esc(r.run().start())).append("\">\n");
        x.append("  <properties>\n");
        property(x, "wsbed.run", r.run().id());
        property(x, "wsbed.seed", String.valueOf(r.run().seed()));
        property(x, "wsbed.infra", r.run().infra());
        for (StackInfo s : r.stacks()) {
            property(x, "wsbed.stack." + s.id(), s.version());
        }
        x.append("  </properties>\n");
        cells.forEach(c -> testcase(x, c));
        x.append("</testsuite>\n");
        return x.toString();
    }

    private static void testcase(StringBuilder x, CellResult c) {
        x.append("  <testcase name=\"").append(esc(c.id())).append("\" classname=\"wsbed.").append(esc(c.scenario()))
                .append("\" time=\"").append(time(seconds(c))).append("\">\n");
        String message = esc(c.reason());
        switch (c.verdict()) {
            case FAIL -> x.append("    <failure message=\"").append(message).append("\" type=\"FAIL\">")
                    .append(message).append("</failure>\n");
            case ERROR -> x.append("    <error message=\"").append(message).append("\" type=\"ERROR\">")
                    .append(message).append("</error>\n");
            case SKIPPED -> x.append("    <skipped message=\"").append(message).append("\"/>\n");
            default -> {
                // PASS and DEGRADED pass; system-out says which.
            }
        }
        x.append("    <system-out>").append(esc(details(c))).append("</system-out>\n");
        x.append("  </testcase>\n");
    }

    private static String details(CellResult c) {
        StringBuilder s = new StringBuilder();
        s.append(c.verdict()).append(c.keyFigure().isEmpty() ? "" : " " + c.keyFigure())
                .append(c.flaky() ? " (flaky: " + c.repetitions() + ")" : "").append(": ").append(c.reason()).append('\n');
        c.metrics().forEach((k, v) -> s.append(k).append(" = ").append(v).append('\n'));
        c.observations().forEach((k, v) -> s.append(k).append(" = ").append(v).append('\n'));
        if (c.logs() != null && !c.logs().isEmpty()) {
            s.append("logs: ").append(c.logs()).append('\n');
        }
        return s.toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("    <property name=\"").append(esc(name)).append("\" value=\"").append(esc(String.valueOf(value)))
                .append("\"/>\n");
    }

    private static double seconds(CellResult c) {
        return c.timings().get("wall_ms") instanceof Number n ? n.doubleValue() / 1000.0 : 0.0;
    }

    private static String time(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** XML 1.0 text and attribute escaping; characters XML 1.0 cannot carry become U+FFFD. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
                    out.appendCodePoint(legal ? cp : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
