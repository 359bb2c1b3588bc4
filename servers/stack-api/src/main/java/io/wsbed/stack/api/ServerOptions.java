package io.wsbed.stack.api;

import java.util.List;
import java.util.Set;

/**
 * Server options of the process contract.
 *
 * @param host address to bind (loopback by default)
 * @param port port to bind, 0 for any free port
 * @param path WebSocket endpoint path
 * @param tickMs push a numbered message to every session every N ms; 0 = quiet
 * @param heartbeatMs ping interval; 0 = off
 * @param heartbeatTimeoutMs silence after which the peer is declared dead; 0 = off
 * @param idleTimeoutMs the stack's idle timeout; -1 = leave the stack's default
 */
public record ServerOptions(String host, int port, String path, long tickMs, long heartbeatMs,
                            long heartbeatTimeoutMs, long idleTimeoutMs) {

    static final Set<String> NAMES = Set.of("host", "port", "path", "tick-ms", "heartbeat-ms",
            "heartbeat-timeout-ms", "idle-timeout-ms");

    /** Parses the options after the {@code server} word. */
    public static ServerOptions parse(List<String> args) throws UsageException {
        OptionReader r = new OptionReader(args, NAMES);
        String path = r.string("path", "/ws");
        if (!path.startsWith("/")) {
            throw new UsageException("option '--path' must start with '/', got '" + path + "'");
        }
        long hb = r.number("heartbeat-ms", 0, 0, 3_600_000);
        long hbTimeout = r.number("heartbeat-timeout-ms", 0, 0, 3_600_000);
        OptionReader.checkHeartbeat(hb, hbTimeout);
        return new ServerOptions(r.string("host", "127.0.0.1"), (int) r.number("port", 0, 0, 65535), path,
                r.number("tick-ms", 0, 0, 3_600_000), hb, hbTimeout,
                r.number("idle-timeout-ms", -1, -1, 86_400_000));
    }

    /** Whether the heartbeat profile is on. */
    public boolean heartbeat() {
        return heartbeatMs > 0;
    }
}
