package io.wsbed.toxiproxy.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.toxiproxy.proxy.ProxyView;
import io.wsbed.toxiproxy.toxic.ToxicSpec;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Renders proxies, toxics and errors with the reference's keys, in the reference's order. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** {@code {"error":..,"status":..}}. */
    static ObjectNode errorBody(String message, int status) {
        ObjectNode body = object();
        body.put("error", message);
        body.put("status", status);
        return body;
    }

    /** name, listen, upstream, enabled, Logger (always {}, as the reference leaks it), toxics. */
    static ObjectNode proxy(ProxyView view) {
        ObjectNode node = object();
        node.put("name", view.name());
        node.put("listen", view.listen());
        node.put("upstream", view.upstream());
        node.put("enabled", view.enabled());
        node.set("Logger", object());
        node.set("toxics", toxics(view.toxics()));
        return node;
    }

    /** A map of name to proxy; the list arrives sorted, so the keys are sorted as Go emits them. */
    static ObjectNode proxies(List<ProxyView> views) {
        ObjectNode node = object();
        views.forEach(v -> node.set(v.name(), proxy(v)));
        return node;
    }

    static ArrayNode proxyArray(List<ProxyView> views) {
        ArrayNode array = array();
        views.forEach(v -> array.add(proxy(v)));
        return array;
    }

    static ArrayNode toxics(List<ToxicSpec> specs) {
        ArrayNode array = array();
        specs.forEach(s -> array.add(toxic(s)));
        return array;
    }

    /** attributes (every attribute of the type), name, type, stream, toxicity. */
    static ObjectNode toxic(ToxicSpec spec) {
        ObjectNode attributes = object();
        for (Map.Entry<String, Long> e : spec.attributes().entrySet()) {
            attributes.put(e.getKey(), e.getValue());
        }
        ObjectNode node = object();
        node.set("attributes", attributes);
        node.put("name", spec.name());
        node.put("type", spec.type().wireName());
        node.put("stream", spec.stream());
        node.put("toxicity", goFloat(spec.toxicity()));
        return node;
    }

    /** A float32 the way Go prints it: {@code 1} rather than {@code 1.0}, {@code 0.1} not 0.100000001. */
    static BigDecimal goFloat(float value) {
        BigDecimal decimal = new BigDecimal(Float.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
