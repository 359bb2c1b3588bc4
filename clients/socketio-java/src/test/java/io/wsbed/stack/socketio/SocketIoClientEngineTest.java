package io.wsbed.stack.socketio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.client.IO;
import io.wsbed.stack.api.ClientOptions;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the contract's options become the socket's options, and what the stack says about itself. */
class SocketIoClientEngineTest {
    private static final URI URL = URI.create("ws://127.0.0.1:8123/ws");

    private static ClientOptions client(ClientOptions.Reconnect reconnect, List<String> transports) {
        return new ClientOptions(URL, 0, 0, 0, reconnect, -1, 1500, 1, 1, transports);
    }

    @Test
    void theWebSocketUrlBecomesAnHttpOriginAndThePathAnOption() {
        assertEquals(URI.create("http://127.0.0.1:8123"), SocketIoClientEngine.serverUri(URL));
        assertEquals(URI.create("https://127.0.0.1:8123"), SocketIoClientEngine.serverUri(URI.create("wss://127.0.0.1:8123/ws")));
        IO.Options o = SocketIoClientEngine.ioOptions(URL, client(ClientOptions.Reconnect.NONE, List.of()));
        assertEquals("/ws", o.path);
        assertTrue(o.forceNew, "every attempt gets its own Manager");
        assertEquals(1500, o.timeout);
        assertNull(o.transports, "no --transports: the library's shipped order");
    }

    @Test
    void onlyBuiltinModeKeepsTheManagersReconnection() {
        assertTrue(SocketIoClientEngine.ioOptions(URL, client(ClientOptions.Reconnect.BUILTIN, List.of())).reconnection);
        assertFalse(SocketIoClientEngine.ioOptions(URL, client(ClientOptions.Reconnect.BACKOFF, List.of())).reconnection);
        assertFalse(SocketIoClientEngine.ioOptions(URL, client(ClientOptions.Reconnect.NONE, List.of())).reconnection);
    }

    @Test
    void theTransportsOrderIsPassedAsGiven() {
        IO.Options o = SocketIoClientEngine.ioOptions(URL, client(ClientOptions.Reconnect.NONE, List.of("websocket", "polling")));
        assertArrayEquals(new String[] {"websocket", "polling"}, o.transports);
    }

    @Test
    void theStackIsAClientOfTheSocketIoFamilyWithVersionAndDefaultsReadFromTheLibrary() {
        SocketIoJavaStack stack = new SocketIoJavaStack();
        assertEquals("socket.io", stack.protocol());
        assertNull(stack.newServer());
        assertTrue(stack.newClient().hasBuiltinReconnect());
        assertTrue(stack.version().matches("2\\.\\d+\\.\\d+ \\(engine\\.io-client \\d+\\.\\d+\\.\\d+\\)"), stack.version());
        assertTrue(stack.defaults().startsWith("reconnection on (delay "), stack.defaults());
    }
}
