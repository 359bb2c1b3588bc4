package io.wsbed.stack.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.client.SocketIOException;
import io.socket.engineio.client.EngineIOException;
import io.socket.engineio.client.Transport;
import io.socket.engineio.client.transports.PollingXHR;
import io.socket.engineio.client.transports.WebSocket;
import io.socket.engineio.parser.Packet;
import io.wsbed.stack.api.RecordingListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mapping of a socket's events onto the runtime's listener, driven by calling the handlers the
 * session registers, on a socket that never connects (no network).
 */
class SocketIoSessionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Socket socket = IO.socket(URI.create("http://127.0.0.1:9"), options());
    private final RecordingListener listener = new RecordingListener("client");
    private final AtomicInteger ended = new AtomicInteger();

    private static IO.Options options() {
        IO.Options o = new IO.Options();
        o.forceNew = true;
        o.reconnection = false;
        return o;
    }

    @AfterEach
    void closeSocket() {
        socket.close();
    }

    private SocketIoSession session(boolean builtinReconnect) {
        return new SocketIoSession(socket, listener, builtinReconnect, ended::incrementAndGet);
    }

    @Test
    void aTransportKnownBeforeTheOpenIsReportedRightAfterItAndAnUpgradeWhenItHappens() {
        SocketIoSession s = session(false);
        s.transport("polling");
        s.connected();
        s.transport("websocket");
        assertEquals(List.of("open", "transport:polling", "transport:websocket"), listener.events());
        assertTrue(s.opened().isDone() && !s.opened().isCompletedExceptionally());
    }

    @Test
    void anUpgradeProbeCarriesTheSessionOnlyOnceTheServerAnsweredIt() {
        SocketIoSession s = session(false);
        s.created(new PollingXHR(new Transport.Options()));
        s.connected();
        s.engineOpen(true);
        Transport refused = new WebSocket(new Transport.Options());
        s.created(refused);
        refused.emit(Transport.EVENT_PACKET, new Packet<>(Packet.MESSAGE, "x"));
        assertEquals(List.of("open", "transport:polling"), listener.events(), "a probe is not the transport in use");
        Transport answered = new WebSocket(new Transport.Options());
        s.created(answered);
        answered.emit(Transport.EVENT_PACKET, new Packet<>(Packet.PONG, "probe"));
        assertEquals(List.of("open", "transport:polling", "transport:websocket"), listener.events());
    }

    @Test
    void messagesArriveAsTheirJsonTextAndOnlyWhileASessionIsOpen() throws Exception {
        SocketIoSession s = session(false);
        s.message("{\"seq\":1}");
        s.connected();
        s.message("{\"seq\":2}");
        s.message(new JSONObject("{\"echo\":3}"));
        s.message();
        assertEquals(List.of("open", "text:{\"seq\":2}", "text:{\"echo\":3}"), listener.events());
    }

    @Test
    void aDisconnectIsACloseWithCodeMinusOneAndSocketIosReasonAndEndsASocketWithoutBuiltinReconnect() {
        SocketIoSession s = session(false);
        s.connected();
        s.disconnected("io server disconnect");
        s.message("{\"seq\":9}");
        assertEquals(List.of("open", "close:-1:io server disconnect"), listener.events());
        assertEquals(1, ended.get());
    }

    @Test
    void withBuiltinReconnectEachConnectOfTheSameSocketIsANewSession() throws Exception {
        SocketIoSession s = session(true);
        s.connected();
        s.disconnected("transport close");
        s.connected();
        assertEquals(List.of("open", "close:-1:transport close", "open"), listener.events());
        assertNotSame(listener.awaitConnection(1, WAIT), listener.awaitConnection(2, WAIT),
                "the runtime wants one Connection instance per session");
        assertEquals(0, ended.get(), "the Manager keeps the socket for its next reconnect");
    }

    @Test
    void aConnectErrorBeforeTheOpenFailsTheAttemptWithTheLibrarysException() {
        SocketIoSession s = session(false);
        EngineIOException refused = new EngineIOException("xhr poll error");
        s.connectError(refused);
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () -> s.opened().join());
        assertEquals(refused, e.getCause());
        assertEquals(1, ended.get(), "a failed attempt releases its socket");
        assertEquals(List.of(), listener.events());
    }

    @Test
    void aServerMiddlewaresRefusalBecomesAnExceptionWithItsMessage() throws Exception {
        Throwable t = SocketIoSession.asThrowable(new JSONObject("{\"message\":\"not authorized\"}"));
        assertInstanceOf(SocketIOException.class, t);
        assertEquals("not authorized", t.getMessage());
        assertEquals("null", SocketIoSession.asThrowable(null).getMessage());
    }

    @Test
    void aConnectErrorAfterTheOpenChangesNothing() {
        SocketIoSession s = session(true);
        s.connected();
        s.connectError(new EngineIOException("xhr poll error"));
        assertFalse(s.opened().isCompletedExceptionally());
        assertEquals(List.of("open"), listener.events());
    }

    @Test
    void emitGivesTheApplicationNoSignal() throws Exception {
        RecordingListener.Outcome result = new RecordingListener.Outcome();
        new SocketIoConnection(socket).sendText("{\"seq\":1}", result);
        assertEquals("silent", result.await(WAIT));
    }
}
