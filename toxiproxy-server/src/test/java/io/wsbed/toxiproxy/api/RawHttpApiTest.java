package io.wsbed.toxiproxy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.RawHttp.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What toxiproxy-java cannot express, over plain HTTP: default toxic names and stream, PATCH, the
 * JSON error shape for every status, key order, /populate, and the routing edge cases.
 */
class RawHttpApiTest extends EmbeddedServerTest {
    private static final String TOXICS = "/proxies/raw/toxics";

    @BeforeEach
    void proxy() {
        Response created = http.send("POST", "/proxies",
                "{\"name\":\"raw\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:1\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals("application/json", created.header("Content-Type"));
        assertNotNull(created.header("X-Toxiproxy-Request-Id"));
    }

    @Test
    void proxyJsonHasEveryKeyInTheReferenceOrder() {
        JsonNode proxy = http.get("/proxies/raw").json();
        assertEquals(List.of("name", "listen", "upstream", "enabled", "Logger", "toxics"), keys(proxy));
        assertEquals("[]", proxy.get("toxics").toString());
    }

    @Test
    void toxicDefaultsToDownstreamFullToxicityAndTypeStreamName() {
        Response response = http.send("POST", TOXICS, "{\"type\":\"latency\",\"attributes\":{\"latency\":5}}");
        assertEquals(200, response.status(), "creating a toxic answers 200, not 201");
        assertEquals("{\"attributes\":{\"latency\":5,\"jitter\":0},\"name\":\"latency_downstream\","
                + "\"type\":\"latency\",\"stream\":\"downstream\",\"toxicity\":1}", response.body());
        Response upstream = http.send("POST", TOXICS, "{\"type\":\"timeout\",\"stream\":\"UPSTREAM\"}");
        assertEquals("timeout_UPSTREAM", upstream.json().get("name").asText(), "the stream is echoed as given");
        Response noop = http.send("POST", TOXICS, "{\"type\":\"noop\"}");
        assertEquals("{}", noop.json().get("attributes").toString());
    }

    @Test
    void patchAndPostMergeTheSameWay() {
        http.send("POST", TOXICS, "{\"name\":\"l\",\"type\":\"latency\",\"toxicity\":0.5,"
                + "\"attributes\":{\"latency\":100,\"jitter\":10}}");
        Response patched = http.send("PATCH", TOXICS + "/l", "{\"attributes\":{\"jitter\":20}}");
        assertEquals(200, patched.status());
        assertEquals("{\"latency\":100,\"jitter\":20}", patched.json().get("attributes").toString());
        assertEquals("0.5", patched.json().get("toxicity").toString());
        Response posted = http.send("POST", TOXICS + "/l", "{\"toxicity\":1,\"name\":\"ignored\",\"stream\":\"upstream\"}");
        assertEquals("{\"latency\":100,\"jitter\":20}", posted.json().get("attributes").toString());
        assertEquals("l", posted.json().get("name").asText());
        assertEquals("downstream", posted.json().get("stream").asText());
    }

    @Test
    void proxyPatchIsAPartialUpdate() {
        Response patched = http.send("PATCH", "/proxies/raw", "{\"enabled\":false,\"name\":\"renamed\"}");
        assertEquals(200, patched.status());
        assertEquals("raw", patched.json().get("name").asText());
        assertEquals(false, patched.json().get("enabled").asBoolean());
        assertEquals("127.0.0.1:1", patched.json().get("upstream").asText());
        assertError(http.send("PATCH", "/proxies/raw", ""), 400, "bad request body: EOF");
    }

    @Test
    void errorsCarryTheReferenceMessagesAsJson() throws Exception {
        assertError(http.send("POST", "/proxies", "{\"listen\":\"127.0.0.1:0\"}"), 400, "missing required field: name");
        assertError(http.send("POST", "/proxies", "{\"name\":\"x\"}"), 400, "missing required field: upstream");
        assertError(http.send("POST", "/proxies", "{\"name\":5}"), 400, null);
        assertError(http.get("/proxies/missing"), 404, "proxy not found");
        assertError(http.get(TOXICS + "/missing"), 404, "toxic not found");
        assertError(http.send("POST", "/proxies", "{\"name\":\"raw\",\"upstream\":\"a:1\"}"), 409, "proxy already exists");
        assertError(http.send("POST", TOXICS, "{\"type\":\"warp\"}"), 400, "invalid toxic type");
        assertError(http.send("POST", TOXICS, "{\"type\":\"latency\",\"stream\":\"sideways\"}"), 400,
                "stream was invalid, can be either upstream or downstream");
        assertError(http.send("POST", TOXICS, "{\"type\":\"latency\",\"attributes\":{\"latency\":1.5}}"), 400, null);
        assertError(http.send("POST", TOXICS, "{\"type\":\"latency\",\"attributes\":{\"latency\":\"5\"}}"), 400, null);
        assertError(http.send("POST", TOXICS, "{\"type\":\"slicer\",\"attributes\":{\"average_size\":4,"
                + "\"size_variation\":4}}"), 400, null);
        assertError(http.send("POST", TOXICS, "{\"type\":\"latency\",\"toxicity\":1.5}"), 400, null);
        http.send("POST", TOXICS, "{\"type\":\"latency\"}");
        assertError(http.send("POST", TOXICS, "{\"type\":\"latency\"}"), 409, "toxic already exists");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertError(http.send("POST", "/proxies", "{\"name\":\"busy\",\"upstream\":\"a:1\",\"listen\":\"127.0.0.1:"
                    + taken.getLocalPort() + "\"}"), 500, null);
        }
        assertError(http.send("POST", "/proxies", "{\"name\":\"bad\",\"upstream\":\"a:1\",\"listen\":\"local373\"}"),
                500, "listen tcp: address local373: missing port in address");
    }

    @Test
    void unknownRoutesWrongMethodsAndBrowsersGetJsonErrors() {
        assertError(http.get("/nope"), 404, "404 page not found");
        assertError(http.get("/proxies/raw/toxics/a/b"), 404, null);
        assertError(http.get("/metrics"), 404, null);
        assertError(http.send("PUT", "/proxies/raw", "{}"), 405, "method not allowed");
        assertError(http.send("GET", "/proxies", null, "Mozilla/5.0 (X11)"), 403, "User agent not allowed");
        assertEquals(200, http.send("GET", "/proxies", null, "curl/8.0").status());
    }

    @Test
    void populateCreatesInOrderAndStopsAtTheFirstFailure() {
        Response done = http.send("POST", "/populate", "[{\"name\":\"p1\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"a:1\"},"
                + "{\"name\":\"p2\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"a:2\",\"enabled\":false}]");
        assertEquals(201, done.status(), done.body());
        JsonNode proxies = done.json().get("proxies");
        assertEquals(2, proxies.size());
        assertEquals(true, proxies.get(0).get("enabled").asBoolean());
        assertEquals(false, proxies.get(1).get("enabled").asBoolean());

        Response invalid = http.send("POST", "/populate", "[{\"name\":\"p3\",\"upstream\":\"a:3\"},{\"upstream\":\"a:4\"}]");
        assertError(invalid, 400, "missing required field: name at proxy 2");
        assertEquals(404, http.get("/proxies/p3").status(), "nothing is created when validation fails");

        Response partial = http.send("POST", "/populate", "[{\"name\":\"p4\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"a:5\"},"
                + "{\"name\":\"p5\",\"listen\":\"nonsense\",\"upstream\":\"a:6\"}]");
        assertEquals(500, partial.status());
        assertEquals("p4", partial.json().get("proxies").get(0).get("name").asText());
        assertEquals("null", http.send("POST", "/populate", "[]").json().get("proxies").toString());
    }

    @Test
    void deleteAndResetAnswer204WithoutBody() {
        Response reset = http.send("POST", "/reset", null);
        assertEquals(204, reset.status());
        assertEquals("", reset.body());
        assertEquals(204, http.send("DELETE", "/proxies/raw", null).status());
    }

    private static void assertError(Response response, int status, String message) {
        assertEquals(status, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals(status, body.get("status").asInt(), response.body());
        assertTrue(body.get("error").isTextual(), response.body());
        if (message != null) {
            assertEquals(message, body.get("error").asText());
        } else if (status == 400) {
            assertTrue(body.get("error").asText().startsWith("bad request body: "), response.body());
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
