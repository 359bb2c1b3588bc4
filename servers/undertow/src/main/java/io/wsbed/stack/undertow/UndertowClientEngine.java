package io.wsbed.stack.undertow;

import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.client.WebSocketClient;
import io.undertow.websockets.core.WebSocketChannel;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.ssl.JsseXnioSsl;

/** The client role: Undertow's {@link WebSocketClient} on an XNIO worker of its own. */
final class UndertowClientEngine implements ClientEngine {
    /** Bound on the worker shutdown in {@link #close()}. */
    private static final long STOP_WAIT_MS = 2_000;
    /** Undertow's own default buffer size for its server listeners. */
    private static final int BUFFER_SIZE = 16 * 1024;

    private XnioWorker worker;
    private DefaultByteBufferPool buffers;
    private long connectTimeoutMs;
    private long idleTimeoutMs;
    /**
     * wss:// only: XNIO's TLS layer over --ca-file's context (the client takes no JVM default).
     * Undertow's own UndertowXnioSsl never finished the handshake with nginx here (TLS 1.2 or 1.3:
     * nginx logged "client closed connection while SSL handshaking" at --connect-timeout-ms).
     */
    private JsseXnioSsl tls;

    @Override
    public void start(ClientOptions options) throws Exception {
        LibraryLogging.quiet();
        connectTimeoutMs = options.connectTimeoutMs();
        idleTimeoutMs = options.idleTimeoutMs();
        // One client session at a time: one I/O thread is plenty and starts fast.
        worker = Xnio.getInstance(Xnio.class.getClassLoader()).createWorker(OptionMap.builder()
                .set(Options.WORKER_NAME, "undertow-client")
                .set(Options.WORKER_IO_THREADS, 1)
                .getMap());
        buffers = new DefaultByteBufferPool(true, BUFFER_SIZE);
        if (options.tls()) {
            tls = new JsseXnioSsl(Xnio.getInstance(Xnio.class.getClassLoader()), OptionMap.EMPTY,
                    ClientTls.context(options));
        }
    }

    /**
     * One attempt. The IoFuture completes once the handshake succeeded; the session is wired (and
     * onOpen reported) before the returned future completes. The connect timeout bounds the whole
     * attempt, TCP connect and HTTP upgrade together.
     */
    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        WebSocketClient.ConnectionBuilder builder = WebSocketClient.connectionBuilder(worker, buffers, uri);
        if (tls != null) {
            builder.setSsl(tls);
        }
        CompletableFuture<WebSocketChannel> handshake = IoFutures.toCompletable(builder.connect(), IoUtils::safeClose);
        CompletableFuture.delayedExecutor(connectTimeoutMs, TimeUnit.MILLISECONDS).execute(() ->
                handshake.completeExceptionally(new TimeoutException(
                        "no WebSocket session with " + uri + " within " + connectTimeoutMs + " ms (--connect-timeout-ms)")));
        return handshake.thenApply(channel -> ChannelEvents.attach(channel, listener, idleTimeoutMs));
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (worker != null) {
            worker.shutdownNow();
            if (!worker.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                System.err.println("undertow client: XNIO worker still running " + STOP_WAIT_MS + " ms after shutdownNow()");
            }
            worker = null;
        }
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
    }
}
