package io.wsbed.stack.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Client options of the process contract.
 *
 * @param url the server's WebSocket URL
 * @param sendMs send a numbered message every N ms; 0 = quiet
 * @param heartbeatMs ping interval; 0 = off
 * @param heartbeatTimeoutMs silence after which the peer is declared dead; 0 = off
 * @param reconnect what to do when the session ends
 * @param idleTimeoutMs the stack's idle timeout; -1 = leave the stack's default (wsbed extension)
 * @param connectTimeoutMs bound on one connection attempt (wsbed extension)
 * @param seed seed of the backoff jitter, so a run can be replayed (wsbed extension)
 * @param connections independent client connections in this process, each with its own session
 *     and reconnect state (wsbed extension, for reconnect storms; events carry {@code conn} when > 1)
 * @param transports socket.io family only: the transports to try, in order ("polling",
 *     "websocket"); empty = the library's shipped order
 * @param caFile with a wss:// URL: the PEM certificate(s) the client trusts, instead of the
 *     JDK's (see {@link ClientTls}); null = none given (ws://, or wss:// with the JDK's trust store)
 * @param pollMs {@code --reconnect poll-fallback} only: how often to poll the server's
 *     {@code /poll} endpoint while the WebSocket is down
 */
public record ClientOptions(URI url, long sendMs, long heartbeatMs, long heartbeatTimeoutMs,
                            Reconnect reconnect, long idleTimeoutMs, long connectTimeoutMs, long seed, int connections,
                            List<String> transports, Path caFile, long pollMs) {

    static final Set<String> NAMES = Set.of("url", "send-ms", "heartbeat-ms", "heartbeat-timeout-ms",
            "reconnect", "idle-timeout-ms", "connect-timeout-ms", "seed", "connections", "transports", "ca-file",
            "poll-ms");

    /** The default of {@code --poll-ms}. */
    static final long DEFAULT_POLL_MS = 250;

    /** The socket.io transports {@code --transports} may name. */
    static final Set<String> TRANSPORTS = Set.of("polling", "websocket");

    public ClientOptions {
        transports = List.copyOf(transports);
    }

    /** Options without --ca-file, with the default poll interval. */
    public ClientOptions(URI url, long sendMs, long heartbeatMs, long heartbeatTimeoutMs, Reconnect reconnect,
                         long idleTimeoutMs, long connectTimeoutMs, long seed, int connections, List<String> transports) {
        this(url, sendMs, heartbeatMs, heartbeatTimeoutMs, reconnect, idleTimeoutMs, connectTimeoutMs, seed, connections,
                transports, null, DEFAULT_POLL_MS);
    }

    /** Options for a single connection (what engines and their tests usually need). */
    public ClientOptions(URI url, long sendMs, long heartbeatMs, long heartbeatTimeoutMs, Reconnect reconnect,
                         long idleTimeoutMs, long connectTimeoutMs, long seed) {
        this(url, sendMs, heartbeatMs, heartbeatTimeoutMs, reconnect, idleTimeoutMs, connectTimeoutMs, seed, 1, List.of());
    }

    /**
     * Reconnect policies: none, the contract's backoff, the stack's own support, or the backoff
     * with the polling fallback while the WebSocket is down ({@code poll-fallback}).
     */
    public enum Reconnect {
        NONE, BACKOFF, BUILTIN, POLL_FALLBACK;

        /** Whether the contract's backoff reconnects the WebSocket. */
        public boolean backoff() {
            return this == BACKOFF || this == POLL_FALLBACK;
        }
    }

    /** Parses the options after the {@code client} word. */
    public static ClientOptions parse(List<String> args) throws UsageException {
        OptionReader r = new OptionReader(args, NAMES);
        String rawUrl = r.string("url", null);
        if (rawUrl == null) {
            throw new UsageException("option '--url' is required, for example --url ws://127.0.0.1:8080/ws");
        }
        URI url;
        try {
            url = new URI(rawUrl);
        } catch (URISyntaxException e) {
            throw new UsageException("option '--url' is not a URI: " + e.getMessage());
        }
        boolean tls = "wss".equals(url.getScheme());
        if (!(tls || "ws".equals(url.getScheme())) || url.getHost() == null || url.getPort() <= 0) {
            throw new UsageException("option '--url' must look like ws://host:port/path or wss://host:port/path, got '"
                    + rawUrl + "'");
        }
        Path caFile = caFile(r.string("ca-file", null), tls);
        String rawReconnect = r.string("reconnect", "none");
        Reconnect reconnect;
        try {
            reconnect = Reconnect.valueOf(rawReconnect.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            reconnect = null;
        }
        if (reconnect == null || rawReconnect.contains("_")) {
            throw new UsageException("option '--reconnect' must be none, backoff, builtin or poll-fallback, got '"
                    + rawReconnect + "'");
        }
        long pollMs = r.number("poll-ms", DEFAULT_POLL_MS, 1, 3_600_000);
        if (r.has("poll-ms") && reconnect != Reconnect.POLL_FALLBACK) {
            throw new UsageException("option '--poll-ms' goes with --reconnect poll-fallback");
        }
        long hb = r.number("heartbeat-ms", 0, 0, 3_600_000);
        long hbTimeout = r.number("heartbeat-timeout-ms", 0, 0, 3_600_000);
        OptionReader.checkHeartbeat(hb, hbTimeout);
        return new ClientOptions(url, r.number("send-ms", 0, 0, 3_600_000), hb, hbTimeout, reconnect,
                r.number("idle-timeout-ms", -1, -1, 86_400_000), r.number("connect-timeout-ms", 3000, 1, 600_000),
                r.number("seed", System.nanoTime(), Long.MIN_VALUE, Long.MAX_VALUE),
                (int) r.number("connections", 1, 1, 10_000), transports(r.string("transports", "")), caFile,
                pollMs);
    }

    private static Path caFile(String raw, boolean tls) throws UsageException {
        if (raw == null) {
            return null;
        }
        if (!tls) {
            throw new UsageException("option '--ca-file' goes with a wss:// URL only");
        }
        Path file = Path.of(raw);
        if (!Files.isReadable(file)) {
            throw new UsageException("option '--ca-file': cannot read '" + raw + "'");
        }
        return file;
    }

    /** Whether the URL is wss://. */
    public boolean tls() {
        return "wss".equals(url.getScheme());
    }

    private static List<String> transports(String raw) throws UsageException {
        if (raw.isEmpty()) {
            return List.of();
        }
        List<String> names = List.of(raw.split(",", -1));
        if (!TRANSPORTS.containsAll(names) || Set.copyOf(names).size() != names.size()) {
            throw new UsageException("option '--transports' is a comma-separated order of polling and websocket"
                    + " (each at most once), got '" + raw + "'");
        }
        return names;
    }

    /** Whether the heartbeat profile is on. */
    public boolean heartbeat() {
        return heartbeatMs > 0;
    }
}
