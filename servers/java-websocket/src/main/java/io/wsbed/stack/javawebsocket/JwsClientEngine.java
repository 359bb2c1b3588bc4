package io.wsbed.stack.javawebsocket;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ConnectionListener;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The client role: a new {@link JwsClient} per connection attempt. */
final class JwsClientEngine implements ClientEngine {
    private final Set<JwsClient> clients = ConcurrentHashMap.newKeySet();
    private ClientOptions options;

    @Override
    public void start(ClientOptions options) {
        this.options = options;
        if (options.idleTimeoutMs() != -1) {
            System.err.println("java-websocket: --idle-timeout-ms " + options.idleTimeoutMs()
                    + " ignored: Java-WebSocket has no idle timeout (only the pong-based connection-lost check)");
        }
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        // wss://: Java-WebSocket wraps its socket with SSLSocketFactory.getDefault(), the JVM default
        // context the runtime set from --ca-file (ClientTls), and checks the host name itself.
        JwsClient client = new JwsClient(uri, (int) options.connectTimeoutMs(), listener, clients::remove);
        if (options.heartbeat()) {
            // Per client: the check starts when this connection opens and stops when it closes.
            client.setConnectionLostTimeout(LostConnectionCheck.intervalSeconds(options.heartbeatTimeoutMs()));
        }
        clients.add(client);
        client.opened.whenComplete((ok, error) -> {
            if (error != null) {
                // A failed or abandoned attempt (e.g. the caller's own timeout) must never open late.
                clients.remove(client);
                abandon(client);
            }
        });
        client.connect();
        return client.opened;
    }

    /** The library's pong-based check runs the heartbeat profile; the portable timer stays off. */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    /**
     * {@code close()} of a client that is still connecting only marks it closing; closing its socket
     * too ends a read thread that may be blocked in the handshake.
     */
    private static void abandon(JwsClient client) {
        client.close();
        Socket socket = client.getSocket();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        for (JwsClient c : clients) {
            c.close();
        }
        clients.clear();
    }
}
