package io.wsbed.harness.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the process contract's event lines: one JSON object with a numeric {@code t} (epoch
 * microseconds) and a string {@code ev}. Anything else on stdout is not an event.
 */
public final class EventLineParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLineParser() {
    }

    /** The event of one stdout line, or empty when the line is not a contract event. */
    public static Optional<Event> parse(String source, String line) {
        if (line == null || line.isBlank() || line.charAt(0) != '{') {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode t = node.get("t");
        JsonNode ev = node.get("ev");
        if (t == null || !t.isIntegralNumber() || ev == null || !ev.isTextual() || ev.asText().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        var names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.equals("t") || name.equals("ev")) {
                continue;
            }
            Object value = scalar(node.get(name));
            if (value != null) {
                fields.put(name, value);
            }
        }
        return Optional.of(new Event(source, t.asLong(), ev.asText(), fields));
    }

    private static Object scalar(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isTextual() ? v.asText() : v.toString();
    }
}
