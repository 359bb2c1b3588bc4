package io.wsbed.stack.okhttp;

import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;

/** Opens sessions with {@link OkHttpClient#newWebSocket}, one OkHttpClient per engine. */
final class OkHttpClientEngine implements ClientEngine {
    /**
     * OkHttp logs through java.util.logging (whose console handler writes to stderr); held here
     * because JUL keeps only weak references to loggers and the level would be lost with it.
     */
    private static final Logger OKHTTP_LOGGING = Logger.getLogger("okhttp3");

    private OkHttpClient http;

    @Override
    public void start(ClientOptions options) {
        OKHTTP_LOGGING.setLevel(Level.WARNING);
        Duration connectTimeout = Duration.ofMillis(options.connectTimeoutMs());
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                // For a WebSocket call OkHttp stops the call timeout once the upgrade succeeded, so
                // this bounds the whole attempt (TCP connect and handshake), as the JDK's does.
                .callTimeout(connectTimeout);
        if (options.tls()) {
            // wss: OkHttp keeps its own socket factory and trust manager; give it --ca-file's.
            X509TrustManager trust = ClientTls.trustManager(options);
            if (trust != null) {
                builder.sslSocketFactory(ClientTls.context(options).getSocketFactory(), trust);
            }
        } else {
            // ws://: without a TLS spec OkHttp skips loading the platform trust store, which is
            // most of its start-up cost.
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        if (options.heartbeat()) {
            // OkHttp's own ping with a pong deadline: a ping still unanswered when the next one is
            // due fails the socket, so the deadline is one interval (not --heartbeat-timeout-ms).
            builder.pingInterval(Duration.ofMillis(options.heartbeatMs()));
        }
        if (options.idleTimeoutMs() != -1) {
            // OkHttp clears its read timeout between frames, so a WebSocket has no idle timeout.
            System.err.println("okhttp: --idle-timeout-ms " + options.idleTimeoutMs()
                    + " ignored: OkHttp has no idle timeout for WebSockets");
        }
        http = builder.build();
        // Every open WebSocket holds one of the dispatcher's running-call slots (64 by default)
        // for its whole life; lift the cap so that one engine can hold more sessions than that.
        http.dispatcher().setMaxRequests(Integer.MAX_VALUE);
    }

    /** OkHttp pings with its own pong deadline in the heartbeat profile (see {@link OkHttpStack#heartbeat()}). */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        CompletableFuture<Void> opened = new CompletableFuture<>();
        Request request = new Request.Builder().url(uri.toString()).build();
        WebSocket socket = http.newWebSocket(request, new SessionListener(listener, opened));
        opened.whenComplete((ignored, error) -> {
            if (error != null) {
                // The caller gave up on this attempt (e.g. its own timeout): never let it open late.
                socket.cancel();
            }
        });
        return opened;
    }

    @Override
    public void close() {
        OkHttpClient client = http;
        if (client == null) {
            return;
        }
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
