package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void serverDefaultsFollowTheContract() throws Exception {
        ServerOptions o = ServerOptions.parse(List.of());
        assertEquals("127.0.0.1", o.host());
        assertEquals(0, o.port());
        assertEquals("/ws", o.path());
        assertEquals(0, o.tickMs());
        assertEquals(-1, o.idleTimeoutMs());
        assertEquals(false, o.heartbeat());
    }

    @Test
    void clientOptionsAreParsed() throws Exception {
        ClientOptions o = ClientOptions.parse(List.of("--url", "ws://127.0.0.1:8080/ws", "--send-ms", "50",
                "--heartbeat-ms", "500", "--heartbeat-timeout-ms", "1500", "--reconnect", "backoff", "--seed", "7"));
        assertEquals(8080, o.url().getPort());
        assertEquals(50, o.sendMs());
        assertEquals(ClientOptions.Reconnect.BACKOFF, o.reconnect());
        assertEquals(7, o.seed());
        assertTrue(o.heartbeat());
        assertEquals(List.of(), o.transports());
    }

    @Test
    void transportsKeepTheGivenOrder() throws Exception {
        ClientOptions o = ClientOptions.parse(List.of("--url", "ws://127.0.0.1:8080/ws", "--transports", "websocket,polling"));
        assertEquals(List.of("websocket", "polling"), o.transports());
        assertMessage("option '--transports' is a comma-separated order", () -> ClientOptions.parse(
                List.of("--url", "ws://127.0.0.1:1/ws", "--transports", "websocket,websocket")));
        assertMessage("option '--transports' is a comma-separated order", () -> ClientOptions.parse(
                List.of("--url", "ws://127.0.0.1:1/ws", "--transports", "webtransport")));
    }

    @Test
    void aWssUrlTakesACaFileAndAWsUrlDoesNot(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pem = java.nio.file.Files.writeString(dir.resolve("ca.pem"), "not parsed here");
        ClientOptions wss = ClientOptions.parse(List.of("--url", "wss://127.0.0.1:8443/ws", "--ca-file", pem.toString()));
        assertTrue(wss.tls());
        assertEquals(pem, wss.caFile());
        ClientOptions plain = ClientOptions.parse(List.of("--url", "ws://127.0.0.1:8080/ws"));
        assertEquals(false, plain.tls());
        assertEquals(null, plain.caFile());
        assertEquals(null, ClientOptions.parse(List.of("--url", "wss://127.0.0.1:8443/ws")).caFile(),
                "wss without --ca-file: the JDK's trust store");
        assertMessage("option '--ca-file' goes with a wss:// URL only", () -> ClientOptions.parse(
                List.of("--url", "ws://127.0.0.1:1/ws", "--ca-file", pem.toString())));
        assertMessage("option '--ca-file': cannot read", () -> ClientOptions.parse(
                List.of("--url", "wss://127.0.0.1:1/ws", "--ca-file", dir.resolve("missing.pem").toString())));
    }

    @Test
    void badOptionsGiveMessagesThatNameTheFix() {
        assertMessage("unknown option '--tick'", () -> ServerOptions.parse(List.of("--tick", "5")));
        assertMessage("option '--port' needs a whole number, got 'x'", () -> ServerOptions.parse(List.of("--port", "x")));
        assertMessage("option '--port' must be between 0 and 65535, got 70000", () -> ServerOptions.parse(List.of("--port", "70000")));
        assertMessage("option '--port' needs a value", () -> ServerOptions.parse(List.of("--port")));
        assertMessage("option '--port' given twice", () -> ServerOptions.parse(List.of("--port", "1", "--port", "2")));
        assertMessage("option '--url' is required", () -> ClientOptions.parse(List.of()));
        assertMessage("option '--url' must look like ws://host:port/path", () -> ClientOptions.parse(List.of("--url", "http://x:1/")));
        assertMessage("option '--reconnect' must be none, backoff, builtin or poll-fallback", () -> ClientOptions.parse(
                List.of("--url", "ws://127.0.0.1:1/ws", "--reconnect", "always")));
        assertMessage("go together", () -> ServerOptions.parse(List.of("--heartbeat-ms", "500")));
        assertMessage("must be longer than", () -> ServerOptions.parse(List.of("--heartbeat-ms", "500", "--heartbeat-timeout-ms", "400")));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        UsageException e = assertThrows(UsageException.class, call);
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
