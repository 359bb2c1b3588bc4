package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Direction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configured toxic as the API shows it: name, type, stream (echoed exactly as the client sent
 * it), toxicity (a float, as in the reference) and every attribute of the type, in the type's order.
 */
public record ToxicSpec(String name, ToxicType type, String stream, Direction direction, float toxicity,
                        Map<String, Long> attributes) {

    public ToxicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(direction, "direction");
        Map<String, Long> complete = new LinkedHashMap<>();
        for (String key : type.attributeNames()) {
            complete.put(key, attributes.getOrDefault(key, 0L));
        }
        attributes = Collections.unmodifiableMap(complete);
    }

    /** The value of one attribute of the type (0 when it was never set). */
    public long attribute(String key) {
        Long value = attributes.get(key);
        return value == null ? 0 : value;
    }

    /** A copy where the given attributes replace the current ones and all others stay (a merge). */
    public ToxicSpec withAttributes(Map<String, Long> changes) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        changes.forEach((k, v) -> {
            if (merged.containsKey(k)) {
                merged.put(k, v);
            }
        });
        return new ToxicSpec(name, type, stream, direction, toxicity, merged);
    }

    public ToxicSpec withToxicity(float value) {
        return new ToxicSpec(name, type, stream, direction, value, attributes);
    }
}
