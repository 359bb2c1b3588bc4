package io.wsbed.toxiproxy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * An API call answers at once. The response's header and its small body are two writes; with
 * Nagle's algorithm on the accepted socket the body waits for the client's ACK of the header, and
 * a client in delayed-ACK mode sends that ACK only after about 40 ms (issue 18: every network
 * fault's "toxics applied" mark came after the RSTs the toxic had already caused). The reference
 * is a Go server, whose sockets have TCP_NODELAY on (reference §1.3 notes).
 */
class ApiLatencyTest extends EmbeddedServerTest {
    private static final int CALLS = 12;
    /** Far below the 40 ms of a delayed ACK, far above a loopback round trip on a busy machine. */
    private static final long MEDIAN_BOUND_MS = 20;

    @Test
    void callsOnOneKeepAliveConnectionAnswerWithoutWaitingForADelayedAck() throws IOException {
        List<Long> micros = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2000);
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true); // the request is one write anyway; only the server's side is under test
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] request = "GET /version HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < CALLS; i++) {
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                String body = readResponseBody(in);
                micros.add((System.nanoTime() - start) / 1000);
                assertTrue(body.contains("\"version\""), body);
            }
        }
        Collections.sort(micros);
        long medianMs = micros.get(CALLS / 2) / 1000;
        assertTrue(medianMs < MEDIAN_BOUND_MS, String.format(Locale.ROOT,
                "median API call took %d ms (all in us: %s): the body waits for a delayed ACK", medianMs, micros));
    }

    /** Reads one response with a Content-Length body and returns the body. */
    private static String readResponseBody(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertTrue(b >= 0, "the connection closed inside a response header: " + head);
            head.write(b);
        }
        String header = head.toString(StandardCharsets.US_ASCII);
        int length = header.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(-1);
        assertTrue(length > 0, "a body with a Content-Length: " + header);
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length, "the whole body");
        return new String(body, StandardCharsets.UTF_8);
    }
}
