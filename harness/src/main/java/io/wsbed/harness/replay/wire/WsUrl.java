package io.wsbed.harness.replay.wire;

import io.wsbed.harness.HarnessException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A ws:// or wss:// URL split into what a connection needs: host, port (the scheme's default when
 * absent) and the request target (path and query).
 */
public record WsUrl(boolean secure, String host, int port, String target) {

    /** Parses a URL a user typed; anything but ws:// or wss:// with a host is a one-line configuration error. */
    public static WsUrl parse(String raw) {
        String hint = "'" + raw + "' is not a WebSocket URL: expected ws://HOST:PORT/PATH or wss://HOST:PORT/PATH";
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw HarnessException.configuration(hint + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss") || uri.getHost() == null) {
            throw HarnessException.configuration(hint);
        }
        boolean secure = scheme.equals("wss");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new WsUrl(secure, uri.getHost(), port, target);
    }

    /** A plain URL on the loopback interface. */
    public static WsUrl loopback(int port, String target) {
        return new WsUrl(false, "127.0.0.1", port, target);
    }

    /** The Host header: the port only when it is not the scheme's default (RFC 7230 section 5.4). */
    public String hostHeader() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (secure ? 443 : 80) ? h : h + ":" + port;
    }

    @Override
    public String toString() {
        return (secure ? "wss://" : "ws://") + hostHeader() + target;
    }
}
