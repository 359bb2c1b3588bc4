package io.wsbed.toxiproxy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.toxiproxy.proxy.PopulateOutcome;
import io.wsbed.toxiproxy.proxy.Proxy;
import io.wsbed.toxiproxy.proxy.ProxyRegistry;
import io.wsbed.toxiproxy.proxy.ProxySettings;
import io.wsbed.toxiproxy.proxy.ToxiproxyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The server-level and proxy endpoints: /version, /proxies, /proxies/{p}, /populate, /reset. */
final class ProxyEndpoints {
    private static final String GO_PROXY = "proxy.Proxy";

    private final ProxyRegistry registry;
    private final String version;

    ProxyEndpoints(ProxyRegistry registry, String version) {
        this.registry = registry;
        this.version = version;
    }

    /** The reference's exact body since v2.7.0, space after the colon and trailing newline included. */
    void version(Exchange ex, List<String> params) throws IOException {
        ex.text(200, "application/json;charset=utf-8", "{\"version\": \"" + version + "\"}\n");
    }

    void list(Exchange ex, List<String> params) throws IOException {
        ex.json(200, Json.proxies(registry.list()));
    }

    void create(Exchange ex, List<String> params) throws IOException {
        ProxySettings settings = settings(JsonBodies.object(ex.body(), GO_PROXY));
        ex.json(201, Json.proxy(registry.create(settings)));
    }

    void get(Exchange ex, List<String> params) throws IOException {
        ex.json(200, Json.proxy(registry.get(params.get(0)).view()));
    }

    /** POST (deprecated in the reference, still served) and PATCH: a partial update; name is ignored. */
    void update(Exchange ex, List<String> params) throws IOException {
        Proxy proxy = registry.get(params.get(0));
        ProxySettings changes = settings(JsonBodies.object(ex.body(), GO_PROXY));
        ex.json(200, Json.proxy(proxy.update(changes)));
    }

    void delete(Exchange ex, List<String> params) throws IOException {
        registry.delete(params.get(0));
        ex.noContent();
    }

    void reset(Exchange ex, List<String> params) throws IOException {
        registry.reset();
        ex.noContent();
    }

    /**
     * 201 {@code {"proxies":[..]}} ({@code null} when empty); on failure the error's status and
     * {@code {"error":..,"status":..,"proxies":[done so far]}}.
     */
    void populate(Exchange ex, List<String> params) throws IOException {
        PopulateOutcome outcome;
        try {
            outcome = registry.populate(entries(ex.body()));
        } catch (ToxiproxyException e) {
            outcome = new PopulateOutcome(List.of(), e);
        }
        ObjectNode body = Json.object();
        int status = 201;
        if (outcome.failure() != null) {
            status = outcome.failure().status();
            body.put("error", outcome.failure().getMessage());
            body.put("status", status);
        }
        if (outcome.proxies().isEmpty()) {
            body.putNull("proxies");
        } else {
            body.set("proxies", Json.proxyArray(outcome.proxies()));
        }
        ex.json(status, body);
    }

    /** Decodes a /populate body (also used for the --config file). */
    static List<ProxySettings> entries(byte[] body) {
        JsonNode node = JsonBodies.parse(body);
        List<ProxySettings> entries = new ArrayList<>();
        if (node.isNull()) {
            return entries;
        }
        if (!node.isArray()) {
            throw ToxiproxyException.badRequest("json: cannot unmarshal " + JsonBodies.kind(node)
                    + " into Go value of type []proxy.Proxy");
        }
        for (JsonNode element : node) {
            entries.add(settings(JsonBodies.asObject(element, GO_PROXY)));
        }
        return entries;
    }

    private static ProxySettings settings(ObjectNode body) {
        return new ProxySettings(
                JsonBodies.string(body, "name", "Proxy"),
                JsonBodies.string(body, "listen", "Proxy"),
                JsonBodies.string(body, "upstream", "Proxy"),
                JsonBodies.bool(body, "enabled", "Proxy"));
    }
}
