package io.wsbed.harness.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.result.RunInfo;
import io.wsbed.harness.result.ScenarioInfo;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.stack.StackInfo;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a results.json back into {@link Results}, so runs can be merged, diffed and re-rendered.
 * The inverse of {@link ResultsJsonWriter}: writing what was read gives the same text. Every
 * problem is one line that names the file and the field.
 */
public final class ResultsJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    private ResultsJsonReader(String source) {
        this.source = source;
    }

    /**
     * Parses the text of a results file.
     *
     * @param source how messages name the input (its path)
     */
    public static Results parse(String json, String source) {
        return new ResultsJsonReader(source).root(json);
    }

    private Results root(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw bad("is not JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw bad("is not a wsbed results file (expected a JSON object with \"schema\": \"" + Results.SCHEMA + "\")");
        }
        String schema = root.path("schema").asText("");
        if (!schema.equals(Results.SCHEMA)) {
            throw bad("has schema '" + schema + "', expected '" + Results.SCHEMA + "'");
        }
        List<StackInfo> stacks = new ArrayList<>();
        for (JsonNode s : array(root, "stacks")) {
            stacks.add(new StackInfo(text(s, "id"), opt(s, "name"), opt(s, "version"), strings(s.path("roles")),
                    opt(s, "heartbeat"), opt(s, "send_api"), s.path("builtin_reconnect").asBoolean(false), opt(s, "defaults"),
                    opt(s, "protocol"), opt(s, "unavailable"), opt(s, "poll"), s.path("poll_fallback").asBoolean(false)));
        }
        List<ScenarioInfo> scenarios = new ArrayList<>();
        for (JsonNode s : array(root, "scenarios")) {
            scenarios.add(new ScenarioInfo(text(s, "id"), paths(s), opt(s, "description"), strings(s.path("reports"))));
        }
        List<CellResult> cells = new ArrayList<>();
        for (JsonNode c : array(root, "cells")) {
            cells.add(cell(c));
        }
        return new Results(run(object(root, "run")), stacks, scenarios, cells);
    }

    private RunInfo run(JsonNode r) {
        if (!r.path("seed").canConvertToLong()) {
            throw bad("has no numeric run.seed");
        }
        return new RunInfo(text(r, "id"), text(r, "start"), text(r, "end"), r.path("seed").asLong(), map(r.path("host")),
                opt(r, "infra"), map(r.path("timings")), map(r.path("selection")));
    }

    private CellResult cell(JsonNode c) {
        String id = text(c, "id");
        List<TimelineEntry> timeline = new ArrayList<>();
        for (JsonNode e : c.path("timeline")) {
            timeline.add(new TimelineEntry(opt(e, "source"), e.path("ms").asDouble(), opt(e, "ev"),
                    map(e.path("fields"))));
        }
        List<Verdict> repetitions = new ArrayList<>();
        for (JsonNode v : c.path("repetitions")) {
            repetitions.add(verdict(v.asText(), id));
        }
        if (repetitions.size() == 1) {
            repetitions.clear();
        }
        String reason = c.path("reason").asText("");
        if (reason.isBlank()) {
            throw bad("cell '" + id + "' has no reason");
        }
        return new CellResult(id, text(c, "scenario"), text(c, "server"), text(c, "client"), text(c, "profile"),
                NetworkPath.byId(text(c, "path"), source + " cell '" + id + "'"), verdict(text(c, "verdict"), id), reason, Objects.toString(opt(c, "key_figure"), ""),
                map(c.path("metrics")), map(c.path("observations")), timeline, opt(c, "logs"),
                map(c.path("timings")), repetitions);
    }

    private List<NetworkPath> paths(JsonNode scenario) {
        String raw = opt(scenario, "path");
        List<NetworkPath> out = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String id : raw.split(",")) {
                out.add(NetworkPath.byId(id, source + " scenario '" + scenario.path("id").asText() + "'"));
            }
        }
        return out;
    }

    private Verdict verdict(String raw, String cell) {
        try {
            return Verdict.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw bad("cell '" + cell + "' has verdict '" + raw + "'; known: " + Arrays.toString(Verdict.values()));
        }
    }

    private JsonNode array(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isArray()) {
            throw bad("has no \"" + field + "\" array");
        }
        return n;
    }

    private JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isObject()) {
            throw bad("has no \"" + field + "\" object");
        }
        return n;
    }

    private String text(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        if (!n.isTextual()) {
            String where = parent.has("id") ? " in '" + parent.path("id").asText() + "'" : "";
            throw bad("has no text field \"" + field + "\"" + where);
        }
        return n.asText();
    }

    /** A text field that may be absent or null (null then, as the writer wrote it). */
    private static String opt(JsonNode parent, String field) {
        JsonNode n = parent.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Numbers stay Integer, Long or Double as written; order is kept (Jackson reads into LinkedHashMap). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> map(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw bad("has " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " where an object belongs");
        }
        return JSON.convertValue(n, LinkedHashMap.class);
    }

    private HarnessException bad(String what) {
        return HarnessException.configuration(source + " " + what);
    }
}
