package io.wsbed.toxiproxy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.RawHttp;
import io.wsbed.toxiproxy.support.Upstream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conformance items 1-4, 7 and 11: the proxy API as toxiproxy-java sees it. */
class ApiClientTest extends EmbeddedServerTest {

    @Test
    void versionIsAJsonObjectWithAVersionString() throws IOException {
        assertFalse(client.version().isBlank());
        RawHttp.Response response = http.get("/version");
        assertEquals(200, response.status());
        assertTrue(response.json().get("version").isTextual(), response.body());
        assertEquals("application/json;charset=utf-8", response.header("Content-Type"));
    }

    @Test
    void createdProxyIsEnabledEchoesFieldsAndListensOnTheResolvedPort() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = client.createProxy("created", "127.0.0.1:0", upstream.address());
        assertTrue(proxy.isEnabled());
        assertEquals("created", proxy.getName());
        assertEquals(upstream.address(), proxy.getUpstream());
        assertTrue(proxy.getListen().startsWith("127.0.0.1:"), proxy.getListen());
        assertNotEquals(0, port(proxy));
        Peer peer = connect(proxy);
        peer.write("ping");
        assertEquals("ping", peer.readString(4, WAIT));
    }

    @Test
    void localhostIsReportedAsLoopbackAddress() throws IOException {
        Proxy proxy = client.createProxy("local", "localhost:0", "127.0.0.1:1");
        assertTrue(proxy.getListen().startsWith("127.0.0.1:"), proxy.getListen());
    }

    @Test
    void duplicateNameIsRejectedWith409() throws IOException {
        client.createProxy("twice", "127.0.0.1:0", "127.0.0.1:1");
        IOException e = assertThrows(IOException.class, () -> client.createProxy("twice", "127.0.0.1:0", "127.0.0.1:2"));
        assertEquals("[409] proxy already exists", e.getMessage());
    }

    @Test
    void missingUpstreamIsRejectedWith400() {
        IOException e = assertThrows(IOException.class, () -> client.createProxy("no-upstream", "127.0.0.1:0", ""));
        assertEquals("[400] missing required field: upstream", e.getMessage());
    }

    @Test
    void portInUseIsRejectedWith500AndTheProxyIsNotAdded() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String listen = "127.0.0.1:" + taken.getLocalPort();
            IOException e = assertThrows(IOException.class, () -> client.createProxy("busy", listen, "127.0.0.1:1"));
            assertTrue(e.getMessage().startsWith("[500] listen tcp " + listen + ": bind: "), e.getMessage());
        }
        assertNull(client.getProxyOrNull("busy"));
    }

    @Test
    void unknownProxyIs404AndOrNullGivesNull() {
        IOException e = assertThrows(IOException.class, () -> client.getProxy("nobody"));
        assertTrue(e.getMessage().startsWith("[404]"), e.getMessage());
        assertNull(client.getProxyOrNull("nobody"));
    }

    @Test
    void proxiesAreListedInNameOrderWithTheirFields() throws IOException {
        assertEquals("{}", http.get("/proxies").body());
        for (String name : List.of("test-proxy2", "test-proxy0", "test-proxy1")) {
            client.createProxy(name, "127.0.0.1:0", "127.0.0.1:7" + name.charAt(name.length() - 1));
        }
        List<Proxy> proxies = client.getProxies();
        assertEquals(List.of("test-proxy0", "test-proxy1", "test-proxy2"), proxies.stream().map(Proxy::getName).toList());
        assertEquals("127.0.0.1:71", proxies.get(1).getUpstream());
        assertTrue(proxies.stream().allMatch(Proxy::isEnabled));
        assertTrue(proxies.stream().allMatch(p -> p.getListen().startsWith("127.0.0.1:")));
    }

    @Test
    void deletedProxyIsGoneAndItsPortRefuses() throws IOException {
        Proxy proxy = client.createProxy("doomed", "127.0.0.1:0", "127.0.0.1:1");
        int port = port(proxy);
        proxy.delete();
        assertNull(client.getProxyOrNull("doomed"));
        assertThrows(ConnectException.class, () -> Peer.connect(port).close());
        assertThrows(FileNotFoundException.class, proxy::delete);
    }

    @Test
    void resetEnablesProxiesAndRemovesToxicsButKeepsLiveConnections() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy live = proxyTo(upstream);
        Proxy disabled = proxyTo(upstream);
        Peer peer = connect(live);
        live.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 10);
        live.toxics().bandwidth("narrow", ToxicDirection.UPSTREAM, 1000);
        disabled.disable();

        client.reset();

        assertTrue(client.getProxy(disabled.getName()).isEnabled());
        assertTrue(disabled.isEnabled(), "reset refreshes proxy objects the client created");
        assertEquals(List.of(), live.toxics().getAll());
        peer.write("still here");
        assertEquals("still here", peer.readString(10, WAIT));
        Peer second = connect(disabled);
        second.write("x");
        assertEquals("x", second.readString(1, WAIT));
    }
}
