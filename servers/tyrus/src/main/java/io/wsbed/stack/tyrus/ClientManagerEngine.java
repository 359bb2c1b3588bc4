package io.wsbed.stack.tyrus;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * The client role on Tyrus's {@link ClientManager} with its Grizzly client container: each
 * {@code connect()} is one {@code asyncConnectToServer} call whose future a small daemon thread
 * waits for, bounded by the connect timeout.
 */
final class ClientManagerEngine implements ClientEngine {
    private final Set<Session> openSessions = ConcurrentHashMap.newKeySet();
    private ClientManager manager;
    private ExecutorService waiters;
    private BuiltinReconnect reconnect;
    private long connectTimeoutMs;

    @Override
    public void start(ClientOptions options) {
        connectTimeoutMs = options.connectTimeoutMs();
        ClientManager m = ClientManager.createClient();
        // Bounds the wait for the HTTP upgrade response (Tyrus's default is 30 s). Tyrus reads the
        // property only as an Integer. The TCP connect itself stays bounded by Grizzly's fixed
        // 30 s; the waiter below bounds the whole attempt.
        m.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) Math.min(Integer.MAX_VALUE, connectTimeoutMs));
        if (options.idleTimeoutMs() != -1) {
            // The container default, which every client TyrusSession copies (Tyrus's own is 0 = off).
            m.setDefaultMaxSessionIdleTimeout(options.idleTimeoutMs());
        }
        if (options.tls()) {
            // Tyrus's Grizzly container builds its TLS engine from this configurator (its default
            // would read the javax.net.ssl properties): client mode, --ca-file's context.
            m.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR,
                    new SslEngineConfigurator(ClientTls.context(options), true, false, false));
        }
        if (options.reconnect() == ClientOptions.Reconnect.BUILTIN) {
            reconnect = new BuiltinReconnect();
            m.getProperties().put(ClientProperties.RECONNECT_HANDLER, reconnect);
        }
        manager = m;
        waiters = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "wsbed-tyrus-connect");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        ConnectAttempt attempt = new ConnectAttempt(uri, listener, reconnect != null, openSessions);
        if (reconnect != null) {
            reconnect.firstAttempt(attempt);
        }
        Future<Session> connecting;
        try {
            connecting = manager.asyncConnectToServer(attempt, ClientEndpointConfig.Builder.create().build(), uri);
        } catch (DeploymentException e) {
            attempt.fail(e);
            return attempt.result();
        }
        waiters.execute(() -> attempt.await(connecting, connectTimeoutMs));
        return attempt.result();
    }

    @Override
    public boolean hasBuiltinReconnect() {
        return true;
    }

    /** Stops reconnecting, closes what is still open (1001), and releases Tyrus's threads. */
    @Override
    public void close() {
        if (reconnect != null) {
            reconnect.stop();
        }
        for (Session s : List.copyOf(openSessions)) {
            try {
                s.close(new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "client engine closed"));
            } catch (IOException | IllegalStateException e) {
                // Closed meanwhile: nothing left to release.
            }
        }
        if (manager != null) {
            // Cancels a pending built-in reconnect as well (shutdownNow on Tyrus's scheduler).
            manager.shutdown();
        }
        if (waiters != null) {
            waiters.shutdownNow();
        }
    }
}
