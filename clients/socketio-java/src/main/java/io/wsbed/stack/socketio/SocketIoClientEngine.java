package io.wsbed.stack.socketio;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Opens sessions with {@code IO.socket(uri, options)}, one socket (and so one Manager and one
 * engine.io connection) per connection attempt, or per logical connection in built-in reconnect
 * mode. The contract's {@code ws://host:port/path} becomes {@code http://host:port} with the
 * socket.io {@code path} option set to the path.
 */
final class SocketIoClientEngine implements ClientEngine {
    private final Set<SocketIoSession> sessions = ConcurrentHashMap.newKeySet();
    private ClientOptions options;
    private OkHttpClient http;

    @Override
    public void start(ClientOptions options) {
        this.options = options;
        if (options.idleTimeoutMs() != -1) {
            System.err.println("socket.io-java: --idle-timeout-ms " + options.idleTimeoutMs()
                    + " ignored: the socket.io client has no idle timeout (the server's ping settings decide)");
        }
    }

    /** The Manager's own reconnection, as shipped, in {@code --reconnect builtin} mode. */
    @Override
    public boolean hasBuiltinReconnect() {
        return true;
    }

    /** socket.io's heartbeat is always on and set by the server (see {@link SocketIoJavaStack#heartbeat()}). */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        IO.Options io = ioOptions(uri, options);
        io.callFactory = http();
        io.webSocketFactory = http();
        Socket socket = IO.socket(serverUri(uri), io);
        SocketIoSession[] self = new SocketIoSession[1];
        SocketIoSession session = new SocketIoSession(socket, listener,
                options.reconnect() == ClientOptions.Reconnect.BUILTIN, () -> sessions.remove(self[0]));
        self[0] = session;
        sessions.add(session);
        return session.start().opened();
    }

    /**
     * The HTTP client every socket of this engine shares: engine.io-client's own default (an
     * OkHttpClient with a one-minute read timeout, shared by all its sockets), except that the
     * dispatcher's caps are lifted. OkHttp 3 keeps a dispatcher slot for every open WebSocket, so
     * with the shipped cap of 64 calls one process holds at most 64 sessions (measured: of 100
     * connections in one process, 63 and 64 opened and the rest timed out); a reconnect storm of
     * hundreds of connections in one process would measure that cap instead of the server. Built
     * at the first connect, where engine.io-client builds its own, so the start to ready is the
     * library's.
     */
    private synchronized OkHttpClient http() {
        if (http == null) {
            OkHttpClient.Builder builder = new OkHttpClient.Builder().readTimeout(1, TimeUnit.MINUTES);
            X509TrustManager trust = ClientTls.trustManager(options);
            if (options.tls() && trust != null) {
                // wss: the OkHttp client carries both transports, so both trust --ca-file.
                builder.sslSocketFactory(ClientTls.context(options).getSocketFactory(), trust);
            }
            http = builder.build();
            http.dispatcher().setMaxRequests(Integer.MAX_VALUE);
            http.dispatcher().setMaxRequestsPerHost(Integer.MAX_VALUE);
        }
        return http;
    }

    /** Disconnects every socket (no reconnect after). Idempotent. */
    @Override
    public void close() {
        for (SocketIoSession s : List.copyOf(sessions)) {
            s.release();
        }
    }

    /**
     * {@code ws://h:p/path} -> {@code http://h:p} ({@code wss} -> {@code https}): socket.io takes
     * the path as an option, not from the URL.
     */
    static URI serverUri(URI ws) {
        try {
            return new URI("wss".equals(ws.getScheme()) ? "https" : "http", null, ws.getHost(), ws.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot make an http URI of " + ws, e);
        }
    }

    /**
     * The options of one socket: the shipped ones, except a socket of its own (forceNew), the
     * contract's path and connect timeout, the transports order when given, and reconnection only
     * in built-in mode (otherwise the runtime reconnects with its backoff, or not at all).
     */
    static IO.Options ioOptions(URI ws, ClientOptions options) {
        IO.Options o = new IO.Options();
        o.forceNew = true;
        String path = ws.getRawPath();
        if (path != null && !path.isEmpty()) {
            o.path = path;
        }
        o.timeout = options.connectTimeoutMs();
        o.reconnection = options.reconnect() == ClientOptions.Reconnect.BUILTIN;
        if (!options.transports().isEmpty()) {
            o.transports = options.transports().toArray(new String[0]);
        }
        return o;
    }
}
