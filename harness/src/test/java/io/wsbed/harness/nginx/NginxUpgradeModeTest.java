package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The real nginx in each {@link NginxSettings.Upgrade} mode in front of a plain HTTP upstream that
 * notes what reached it: a WebSocket handshake request and a plain GET, sent by hand.
 */
class NginxUpgradeModeTest {
    private HttpServer upstream;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private NginxLifecycle proxy;
    private String logName;

    @BeforeEach
    void startUpstream(TestInfo info) throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            String upgrade = exchange.getRequestHeaders().getFirst("Upgrade");
            seen.add(exchange.getRequestURI().getPath() + " upgrade=" + upgrade);
            byte[] body = "plain".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        upstream.start();
        logName = "upgrade-" + info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } finally {
            upstream.stop(0);
        }
    }

    private void start(NginxSettings.Upgrade mode) {
        proxy = NginxTestSupport.start(NginxTestSupport.nginx(), NginxTestSupport.renderer(),
                NginxTestSupport.FAST.withUpgrade(mode), upstream.getAddress().getPort(),
                NginxTestSupport.logFolder(logName));
    }

    @Test
    void passHandsTheUpgradeToTheUpstream() throws IOException {
        start(NginxSettings.Upgrade.PASS);

        String status = request(true, "/ws");

        assertEquals("HTTP/1.1 200 OK", status);
        assertEquals(List.of("/ws upgrade=websocket"), seen);
    }

    @Test
    void stripLetsTheUpstreamSeeAPlainGetAndAnswerIt() throws IOException {
        start(NginxSettings.Upgrade.STRIP);

        String handshake = request(true, "/ws");
        String poll = request(false, "/poll");

        assertEquals("HTTP/1.1 200 OK", handshake, "the upstream's own answer to the plain GET comes back");
        assertEquals("HTTP/1.1 200 OK", poll);
        assertEquals(List.of("/ws upgrade=null", "/poll upgrade=null"), seen);
    }

    @Test
    void forbidAnswersTheUpgradeWith403AndPassesPlainRequests() throws IOException {
        start(NginxSettings.Upgrade.FORBID);

        String handshake = request(true, "/ws");
        String poll = request(false, "/poll");

        assertEquals("HTTP/1.1 403 Forbidden", handshake);
        assertEquals("HTTP/1.1 200 OK", poll);
        assertEquals(List.of("/poll upgrade=null"), seen, "the refused handshake never reached the upstream");
    }

    /** Sends one request by hand (HttpClient will not set Upgrade) and returns the status line. */
    private String request(boolean upgrade, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", proxy.port())) {
            s.setSoTimeout(5000);
            String head = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (upgrade ? "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" : "Connection: close\r\n")
                    + "\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return statusLine(s.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        assertTrue(line.size() > 0, "the proxy answered nothing");
        return line.toString(StandardCharsets.US_ASCII);
    }
}
