package io.wsbed.toxiproxy.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.toxiproxy.link.Direction;
import io.wsbed.toxiproxy.proxy.Proxy;
import io.wsbed.toxiproxy.proxy.ProxyRegistry;
import io.wsbed.toxiproxy.proxy.ToxiproxyException;
import io.wsbed.toxiproxy.toxic.ToxicSpec;
import io.wsbed.toxiproxy.toxic.ToxicType;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The toxic endpoints under /proxies/{p}/toxics, with the reference's order of checks. */
final class ToxicEndpoints {
    private static final String GO_WRAPPER = "toxics.ToxicWrapper";

    private final ProxyRegistry registry;

    ToxicEndpoints(ProxyRegistry registry) {
        this.registry = registry;
    }

    /** Upstream toxics first, then downstream, each in insertion order. */
    void list(Exchange ex, List<String> params) throws IOException {
        ex.json(200, Json.toxics(registry.get(params.get(0)).toxics()));
    }

    /**
     * Creates a toxic (200, not 201). Checks in the reference's order: body, stream, default name
     * {@code <type>_<stream>}, type, unique name (409), attribute types; then the validation the
     * reference lacks (negative values, slicer sizes, toxicity outside [0, 1]).
     */
    void create(Exchange ex, List<String> params) throws IOException {
        Proxy proxy = registry.get(params.get(0));
        ObjectNode body = JsonBodies.object(ex.body(), GO_WRAPPER);
        String name = JsonBodies.string(body, "name", "ToxicWrapper");
        String typeName = JsonBodies.string(body, "type", "ToxicWrapper");
        String stream = JsonBodies.string(body, "stream", "ToxicWrapper");
        Float toxicity = JsonBodies.float32(body, "toxicity", "ToxicWrapper");
        ObjectNode attributes = JsonBodies.attributesObject(body, "ToxicWrapper");
        if (stream == null) {
            stream = Direction.DOWNSTREAM.wireName();
        }
        Direction direction = Direction.parse(stream).orElseThrow(ToxiproxyException::invalidStream);
        if (name == null || name.isEmpty()) {
            name = (typeName == null ? "" : typeName) + "_" + stream;
        }
        ToxicType type = ToxicType.fromWireName(typeName == null ? "" : typeName)
                .orElseThrow(ToxiproxyException::invalidToxicType);
        if (proxy.hasToxic(name)) {
            throw ToxiproxyException.toxicExists();
        }
        Map<String, Long> values = JsonBodies.attributes(attributes, type);
        ToxicSpec spec = new ToxicSpec(name, type, stream, direction, toxicity == null ? 1.0f : toxicity, values);
        validate(spec);
        ex.json(200, Json.toxic(proxy.addToxic(spec)));
    }

    void get(Exchange ex, List<String> params) throws IOException {
        ex.json(200, Json.toxic(registry.get(params.get(0)).toxic(params.get(1))));
    }

    /**
     * POST or PATCH: merges the attribute keys present and the toxicity when given; name, type and
     * stream cannot change. 404 for an unknown toxic comes before any body check, as in the reference.
     */
    void update(Exchange ex, List<String> params) throws IOException {
        Proxy proxy = registry.get(params.get(0));
        ToxicType type = proxy.toxic(params.get(1)).type();
        ObjectNode body = JsonBodies.object(ex.body(), "struct { Attributes; Toxicity }");
        Map<String, Long> changes = JsonBodies.attributes(JsonBodies.attributesObject(body, "update"), type);
        Float toxicity = JsonBodies.float32(body, "toxicity", "update");
        ToxicSpec updated = proxy.updateToxic(params.get(1), current -> {
            ToxicSpec merged = current.withAttributes(changes);
            merged = toxicity == null ? merged : merged.withToxicity(toxicity);
            validate(merged);
            return merged;
        });
        ex.json(200, Json.toxic(updated));
    }

    void delete(Exchange ex, List<String> params) throws IOException {
        registry.get(params.get(0)).removeToxic(params.get(1));
        ex.noContent();
    }

    private static void validate(ToxicSpec spec) {
        spec.type().problem(spec.attributes()).ifPresent(problem -> {
            throw ToxiproxyException.badRequest(problem);
        });
        float toxicity = spec.toxicity();
        if (!(toxicity >= 0f && toxicity <= 1f)) {
            throw ToxiproxyException.badRequest("toxicity must be between 0 and 1, got " + toxicity);
        }
    }
}
