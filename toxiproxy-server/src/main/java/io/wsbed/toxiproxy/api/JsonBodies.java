package io.wsbed.toxiproxy.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.toxiproxy.proxy.ToxiproxyException;
import io.wsbed.toxiproxy.toxic.ToxicType;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Request decoding with Go's encoding/json behaviour, which the reference relies on: any
 * Content-Type, only the first JSON value read, field names matched case-insensitively, unknown
 * fields ignored, {@code null} meaning "not given", and a wrong JSON type for a field rejected
 * (400 {@code bad request body: ...}).
 */
final class JsonBodies {
    private JsonBodies() {
    }

    /** The body's first JSON value; 400 {@code bad request body: EOF} when there is none. */
    static JsonNode parse(byte[] body) {
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw ToxiproxyException.badRequest("EOF");
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ToxiproxyException.badRequest("EOF");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ToxiproxyException.badRequest(e.getOriginalMessage());
        } catch (IOException e) {
            throw ToxiproxyException.badRequest(e.getMessage());
        }
    }

    /** The body as an object; JSON null counts as an empty object, as Go decodes it. */
    static ObjectNode object(byte[] body, String goType) {
        return asObject(parse(body), goType);
    }

    static ObjectNode asObject(JsonNode node, String goType) {
        if (node.isNull()) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw mismatch(node, "Go value of type " + goType);
        }
        return (ObjectNode) node;
    }

    /** The field with this name, matched exactly first and then ignoring case; null if absent. */
    static JsonNode field(ObjectNode object, String name) {
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    static String string(ObjectNode object, String name, String goStruct) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw mismatch(node, "Go struct field " + goStruct + "." + name + " of type string");
        }
        return node.textValue();
    }

    static Boolean bool(ObjectNode object, String name, String goStruct) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw mismatch(node, "Go struct field " + goStruct + "." + name + " of type bool");
        }
        return node.booleanValue();
    }

    static Float float32(ObjectNode object, String name, String goStruct) {
        JsonNode node = field(object, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw mismatch(node, "Go struct field " + goStruct + "." + name + " of type float32");
        }
        return node.floatValue();
    }

    /** The {@code attributes} object, or an empty one; 400 when it is not an object. */
    static ObjectNode attributesObject(ObjectNode object, String goStruct) {
        JsonNode node = field(object, "attributes");
        if (node == null) {
            return Json.object();
        }
        if (!node.isObject()) {
            throw mismatch(node, "Go struct field " + goStruct + ".attributes of type toxics.Toxic");
        }
        return (ObjectNode) node;
    }

    /**
     * The attributes of {@code type} that the object sets, as int64: a float, a string or an
     * out-of-range number is a 400, as in Go. Unknown keys are ignored.
     */
    static Map<String, Long> attributes(ObjectNode attributes, ToxicType type) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String key : type.attributeNames()) {
            JsonNode node = field(attributes, key);
            if (node == null) {
                continue;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                String kind = node.isNumber() ? "number " + node.asText() : kind(node);
                throw ToxiproxyException.badRequest("json: cannot unmarshal " + kind + " into Go struct field "
                        + type.wireName() + ".attributes." + key + " of type int64");
            }
            values.put(key, node.longValue());
        }
        return values;
    }

    private static ToxiproxyException mismatch(JsonNode node, String target) {
        return ToxiproxyException.badRequest("json: cannot unmarshal " + kind(node) + " into " + target);
    }

    /** Go's name for a JSON value's kind in decode errors. */
    static String kind(JsonNode node) {
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isArray()) {
            return "array";
        }
        return "object";
    }
}
