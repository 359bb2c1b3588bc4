package io.wsbed.stack.tomcat;

import java.util.Locale;
import org.apache.tomcat.websocket.WsWebSocketContainer;

/** What Tomcat itself says about its version and its WebSocket defaults, read at run time. */
final class LibraryFacts {
    private LibraryFacts() {
    }

    /** The Implementation-Version of the tomcat-embed-websocket jar's manifest. */
    static String version() {
        String v = WsWebSocketContainer.class.getPackage().getImplementationVersion();
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("the jar of " + WsWebSocketContainer.class.getName()
                    + " has no Implementation-Version in its manifest; cannot tell Tomcat's version");
        }
        return v;
    }

    /**
     * The defaults of a fresh {@link WsWebSocketContainer}. The server's container
     * ({@code WsServerContainer}) extends it and only changes the buffer sizes when the web
     * application sets Tomcat's context init parameters, which this stack does not; so one fresh
     * container tells both roles' defaults. Creating it starts no thread (its channel group and its
     * background registration are made on first use).
     */
    static String defaults() {
        WsWebSocketContainer c = new WsWebSocketContainer();
        long idle = c.getDefaultMaxSessionIdleTimeout();
        long asyncSend = c.getDefaultAsyncSendTimeout();
        return String.format(Locale.ROOT,
                "idle timeout %s; max text message %d B; async send timeout %s;"
                        + " idle and close timeouts checked every %d s; no automatic ping",
                idle <= 0 ? "none (" + idle + ")" : idle + " ms",
                c.getDefaultMaxTextMessageBufferSize(),
                asyncSend <= 0 ? "none (" + asyncSend + ")" : asyncSend + " ms",
                c.getProcessPeriod());
    }
}
