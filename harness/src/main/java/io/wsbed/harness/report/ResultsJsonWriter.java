package io.wsbed.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.stack.StackInfo;

/** Writes results.json in the schema of DESIGN.md section 4 ({@code wsbed.results/1}). */
public final class ResultsJsonWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private ResultsJsonWriter() {
    }

    /** The file's text: indented, one trailing newline. */
    public static String write(Results r) {
        return serialise(tree(r), true) + "\n";
    }

    /** The same document on one line, for embedding in index.html. */
    public static String writeCompact(Results r) {
        return serialise(tree(r), false);
    }

    private static String serialise(ObjectNode root, boolean indent) {
        try {
            return indent ? JSON.writeValueAsString(root) : COMPACT.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results are not serialisable: " + e.getMessage(), e);
        }
    }

    private static ObjectNode tree(Results r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Results.SCHEMA);
        ObjectNode run = root.putObject("run");
        run.put("id", r.run().id());
        run.put("start", r.run().start());
        run.put("end", r.run().end());
        run.put("seed", r.run().seed());
        run.set("host", JSON.valueToTree(r.run().host()));
        run.put("infra", r.run().infra());
        run.set("timings", JSON.valueToTree(r.run().timings()));
        run.set("selection", JSON.valueToTree(r.run().selection()));
        ArrayNode stacks = root.putArray("stacks");
        for (StackInfo s : r.stacks()) {
            ObjectNode n = stacks.addObject();
            n.put("id", s.id());
            n.put("name", s.name());
            n.put("version", s.version());
            n.set("roles", JSON.valueToTree(s.roles()));
            n.put("heartbeat", s.heartbeat());
            n.put("send_api", s.sendApi());
            n.put("builtin_reconnect", s.builtinReconnect());
            n.put("defaults", s.defaults());
            n.put("protocol", s.protocol());
            if (s.servesPoll()) {
                n.put("poll", s.poll());
            }
            if (s.pollFallback()) {
                n.put("poll_fallback", true);
            }
            if (!s.available()) {
                n.put("unavailable", s.unavailable());
            }
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioInfo s : r.scenarios()) {
            ObjectNode n = scenarios.addObject();
            n.put("id", s.id());
            n.put("path", s.pathList());
            n.put("description", s.description());
            n.set("reports", JSON.valueToTree(s.reports()));
        }
        ArrayNode cells = root.putArray("cells");
        for (CellResult c : r.cells()) {
            cells.add(cell(c));
        }
        return root;
    }

    private static ObjectNode cell(CellResult c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", c.id());
        n.put("scenario", c.scenario());
        n.put("server", c.server());
        n.put("client", c.client());
        n.put("profile", c.profile());
        n.put("path", c.path().id());
        n.put("verdict", c.verdict().name());
        n.put("flaky", c.flaky());
        n.put("runs", c.runs());
        if (!c.repetitions().isEmpty()) {
            ArrayNode reps = n.putArray("repetitions");
            c.repetitions().forEach(v -> reps.add(v.name()));
        }
        n.put("reason", c.reason());
        n.put("key_figure", c.keyFigure());
        n.set("metrics", JSON.valueToTree(c.metrics()));
        n.set("observations", JSON.valueToTree(c.observations()));
        ArrayNode timeline = n.putArray("timeline");
        for (TimelineEntry e : c.timeline()) {
            ObjectNode t = timeline.addObject();
            t.put("source", e.source());
            t.put("ms", e.ms());
            t.put("ev", e.ev());
            t.set("fields", JSON.valueToTree(e.fields()));
            if (TimelineQueries.endsSession(e.ev(), e.fields().get("outcome") == null ? null
                    : e.fields().get("outcome").toString())) {
                // The one rule, applied here so the report's JS renders it and re-derives nothing.
                t.put("ends_session", true);
            }
        }
        n.put("logs", c.logs());
        n.set("timings", JSON.valueToTree(c.timings()));
        return n;
    }
}
