package io.wsbed.stack.jetty;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** The client role: one started {@link WebSocketClient}, one new endpoint per connection attempt. */
final class JettyClientEngine implements ClientEngine {
    private WebSocketClient client;
    private long connectTimeoutMs;

    @Override
    public void start(ClientOptions options) throws Exception {
        connectTimeoutMs = options.connectTimeoutMs();
        // The HttpClient Jetty would build itself, minus the TLS context a ws:// client never uses;
        // for wss:// a connector whose TLS context is --ca-file's.
        ClientConnector connector;
        if (options.tls()) {
            connector = new ClientConnector();
            connector.setSelectors(1);
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(ClientTls.context(options));
            connector.setSslContextFactory(tls);
        } else {
            connector = new PlainClientConnector();
        }
        client = new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP(connector)));
        // TCP connect only; the handshake gets its own bound per request in connect().
        client.setConnectTimeout(connectTimeoutMs);
        if (options.idleTimeoutMs() != -1) {
            // Sets the sessions' idle timeout and the underlying HttpClient's.
            client.setIdleTimeout(Duration.ofMillis(options.idleTimeoutMs()));
        }
        client.start();
    }

    /**
     * Jetty's future completes after the endpoint's {@code onWebSocketOpen} ran, and fails with the
     * connect or upgrade failure. The request's timeout bounds the whole handshake conversation.
     */
    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.setTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS);
        try {
            return client.connect(new JettyEndpoint(listener), request);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() throws Exception {
        WebSocketClient c = client;
        client = null;
        if (c != null) {
            c.stop();
        }
    }
}
