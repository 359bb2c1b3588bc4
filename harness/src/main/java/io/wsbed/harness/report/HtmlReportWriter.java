package io.wsbed.harness.report;

import io.wsbed.harness.result.Results;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes index.html: one self-contained page (inline CSS and script, the results embedded as
 * JSON, nothing fetched) that works from file://. The page draws the run header, the findings, the
 * matrix with its view controls and filters, each cell's detail and timeline, the comparison of
 * two stacks, the stack cards and the charts, from the embedded results and what {@link PageData}
 * derived from them, so any scenario, path, metric or event the results hold shows up without a
 * change here.
 *
 * <p>The template, style and script are resources beside this class; the script parts are
 * concatenated in a fixed order into one strict-mode function.
 */
public final class HtmlReportWriter {
    private static final String BASE = "/io/wsbed/harness/report/";
    private static final List<String> SCRIPT_PARTS = List.of("10-util.js", "20-model.js", "30-header.js",
            "35-findings.js", "40-matrix.js", "50-detail.js", "55-compare.js", "57-cards.js", "60-timeline.js",
            "70-charts.js", "90-main.js");

    private HtmlReportWriter() {
    }

    public static String write(Results r) {
        StringBuilder script = new StringBuilder("(function () {\n'use strict';\n");
        for (String part : SCRIPT_PARTS) {
            script.append(resource("js/" + part));
        }
        script.append("})();");
        return fill(resource("page.html"), Map.of(
                "title", escapeHtml("wsbed report " + r.run().id()),
                "css", resource("report.css").strip(),
                "data", embeddable(ResultsJsonWriter.writeCompact(r)),
                "derived", embeddable(PageData.write(r)),
                "script", script.toString()));
    }

    /**
     * JSON inside a script element must not contain "&lt;/script" or "&lt;!--"; writing every "&lt;"
     * as the JSON escape backslash-u003c (it can only occur inside JSON strings) rules both out.
     */
    static String embeddable(String json) {
        return json.replace("<", "\\u003c");
    }

    /** Replaces {{name}} placeholders of the template in one pass, so filled text is never re-read. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open);
            String name = template.substring(open + 2, close);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("the report template has no value for {{" + name + "}}");
            }
            out.append(template, at, open).append(value);
            at = close + 2;
        }
        return out.append(template.substring(at)).toString();
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("report resource " + BASE + name + " is missing from the harness jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read report resource " + BASE + name, e);
        }
    }
}
