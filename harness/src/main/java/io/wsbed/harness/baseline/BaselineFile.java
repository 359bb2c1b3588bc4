package io.wsbed.harness.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.verdict.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads and writes reports/baseline.json ({@code wsbed.baseline/1}); the format is the file's only owner. */
public final class BaselineFile {
    static final String ABOUT = "The verdict of every cell. mvn verify and ./wsbed run fail when a cell's verdict differs"
            + " from this file. To accept a change on purpose: mvn verify -Dwsbed.baseline.update=true (or ./wsbed run"
            + " --update-baseline), then commit this file. \"flaky\" lists cells seen with two verdicts in runs of one"
            + " build: a change between those verdicts is reported, not failed. See reports/README.md.";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineFile() {
    }

    /** The baseline in the file, or empty when there is no file yet. */
    public static Optional<Baseline> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (IOException e) {
            throw HarnessException.configuration("cannot read the baseline " + file + ": " + e.getMessage());
        }
    }

    public static void write(Path file, Baseline baseline) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, format(baseline), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HarnessException("cannot write the baseline " + file + ": " + e.getMessage(), e);
        }
    }

    static String format(Baseline b) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", Baseline.SCHEMA);
        root.put("about", ABOUT);
        root.put("run", b.run());
        root.put("seed", b.seed());
        root.set("stacks", JSON.valueToTree(b.stacks()));
        ObjectNode cells = root.putObject("cells");
        b.cells().forEach((id, v) -> cells.put(id, v.name()));
        if (!b.flaky().isEmpty()) {
            ObjectNode flaky = root.putObject("flaky");
            b.flaky().forEach((id, vs) -> flaky.set(id, JSON.valueToTree(vs.stream().map(Enum::name).toList())));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("baseline is not serialisable: " + e.getMessage(), e);
        }
    }

    static Baseline parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw HarnessException.configuration(source + " is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !Baseline.SCHEMA.equals(root.path("schema").asText())) {
            throw HarnessException.configuration(source + " is not a wsbed baseline (expected \"schema\": \""
                    + Baseline.SCHEMA + "\")");
        }
        Map<String, String> stacks = new LinkedHashMap<>();
        root.path("stacks").fields().forEachRemaining(e -> stacks.put(e.getKey(), e.getValue().asText()));
        SortedMap<String, Verdict> cells = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("cells").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                cells.put(e.getKey(), Verdict.valueOf(e.getValue().asText()));
            } catch (IllegalArgumentException bad) {
                throw HarnessException.configuration(source + ": cell '" + e.getKey() + "' has verdict '"
                        + e.getValue().asText() + "'; known: PASS, DEGRADED, FAIL, SKIPPED, ERROR");
            }
        }
        SortedMap<String, java.util.Set<Verdict>> flaky = new TreeMap<>();
        root.path("flaky").fields().forEachRemaining(e -> {
            java.util.Set<Verdict> seen = java.util.EnumSet.noneOf(Verdict.class);
            e.getValue().forEach(v -> {
                try {
                    seen.add(Verdict.valueOf(v.asText()));
                } catch (IllegalArgumentException bad) {
                    throw HarnessException.configuration(source + ": flaky cell '" + e.getKey() + "' lists verdict '"
                            + v.asText() + "'; known: PASS, DEGRADED, FAIL, SKIPPED, ERROR");
                }
            });
            flaky.put(e.getKey(), seen);
        });
        return new Baseline(root.path("run").asText(""), root.path("seed").asLong(), stacks, cells, flaky);
    }
}
