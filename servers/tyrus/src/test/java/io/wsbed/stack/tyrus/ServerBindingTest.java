package io.wsbed.stack.tyrus;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wsbed.stack.api.ServerOptions;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The server listens on the requested host only, not on every interface as Tyrus's Server does. */
class ServerBindingTest {

    @Test
    void listensOnTheRequestedLoopbackAddressOnly() throws Exception {
        QuietLogging.apply();
        StandaloneServerEngine server = new StandaloneServerEngine();
        try {
            int port = server.start(new ServerOptions("127.0.0.2", 0, "/ws", 0, 0, 0, -1), new Recorder());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
            }
            // A 0.0.0.0 listener would accept this one too.
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                }
            }, "the server bound to 127.0.0.2 must not accept connections on 127.0.0.1:" + port);
        } finally {
            server.close();
        }
    }
}
