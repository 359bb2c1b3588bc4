package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The socket.io additions: the transport event, and --transports only for socket.io stacks. */
class TransportEventTest {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final EventOut events = new EventOut(buf, Clock.systemUTC());

    private String out() {
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTransportReportNamesTheSessionAndIsIgnoredForAConnectionThatNeverOpened() {
        SessionTable sessions = new SessionTable(events, "c");
        sessions.role(new SessionTable.Role() {
            @Override
            public void opened(Session session) {
            }

            @Override
            public void text(Session session, String text) {
            }

            @Override
            public void ended(Session session) {
            }
        });
        Connection open = new IdleConnection();
        sessions.onTransport(new IdleConnection(), "polling");
        sessions.onOpen(open);
        sessions.onTransport(open, "websocket");
        List<String> lines = out().lines().toList();
        assertEquals(2, lines.size(), out());
        assertTrue(lines.get(1).endsWith("\"ev\":\"transport\",\"session\":\"c1\",\"name\":\"websocket\"}"), out());
    }

    @Test
    void transportsAreRefusedForAPlainWebSocketStack() {
        ClientOptions options = new ClientOptions(URI.create("ws://127.0.0.1:1/ws"), 0, 0, 0, ClientOptions.Reconnect.NONE,
                -1, 1000, 1, 1, List.of("websocket"));
        ClientRuntime runtime = new ClientRuntime(new WebSocketOnlyStack(), options, events, StackProcess.timers());
        UsageException e = assertThrows(UsageException.class, runtime::start);
        assertTrue(e.getMessage().contains("'--transports' is for socket.io stacks"), e.getMessage());
    }

    private static final class IdleConnection implements Connection {
        @Override
        public void sendText(String text, SendResult result) {
            result.silent();
        }

        @Override
        public void sendPing(ByteBuffer payload) {
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort() {
        }
    }

    private static final class WebSocketOnlyStack implements Stack {
        @Override
        public String id() {
            return "plain";
        }

        @Override
        public String name() {
            return "plain";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public String heartbeat() {
            return "";
        }

        @Override
        public String sendApi() {
            return "";
        }

        @Override
        public ServerEngine newServer() {
            return null;
        }

        @Override
        public ClientEngine newClient() {
            return new ClientEngine() {
                @Override
                public void start(ClientOptions options) {
                }

                @Override
                public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
                    return new CompletableFuture<>();
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
