package io.wsbed.harness.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.harness.result.Results;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes index.html: one self-contained page (inline CSS and script, the results embedded as
 * JSON, nothing fetched) that works from file://. The page draws the run header, the matrix with
 * its view controls, each cell's detail and timeline, and the charts, from the embedded results,
 * so any scenario, path, metric or event the results hold shows up without a change here.
 *
 * <p>The template, style and script are resources beside this class; the script parts are
 * concatenated in a fixed order into one strict-mode function.
 */
public final class HtmlReportWriter {
    private static final String BASE = "/io/wsbed/harness/report/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SCRIPT_PARTS = List.of("10-util.js", "20-model.js", "30-header.js",
            "40-matrix.js", "50-detail.js", "60-timeline.js", "70-charts.js", "90-main.js");

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
                "predictions", embeddable(predictions(r)),
                "script", script.toString()));
    }

    /** The stacks.md predictions some cell measured, as a JSON array for the page. */
    static String predictions(Results r) {
        ArrayNode out = JSON.createArrayNode();
        for (Predictions.Check c : Predictions.check(r)) {
            if (c.observed() == null) {
                continue;
            }
            ObjectNode n = out.addObject();
            n.put("key", c.key());
            n.put("predicted", c.predicted());
            n.put("observed", c.observed());
            n.put("status", c.status());
            n.put("cell", c.cell());
        }
        return out.toString();
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
