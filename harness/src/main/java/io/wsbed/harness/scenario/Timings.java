package io.wsbed.harness.scenario;

import io.wsbed.harness.HarnessException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every time value a run uses, scaled down from production so the matrix runs in minutes. All of
 * them are written into the report's run header.
 *
 * @param tickMs server push interval
 * @param sendMs client send interval
 * @param heartbeatMs ping interval of the heartbeat profile
 * @param heartbeatTimeoutMs silence after which the heartbeat profile declares the peer dead
 * @param restartDelayMs pause between killing or stopping the server and restarting it
 * @param windowMs observation window: a fault not surfaced within it is "not detected"
 * @param boundMs detection later than this is "late" (heartbeat timeout + 1 s)
 * @param readyTimeoutMs bound on a process start (launch to ready line)
 * @param nginxReadTimeoutMs nginx proxy_read_timeout (60 s in production)
 * @param nginxSendTimeoutMs nginx proxy_send_timeout (60 s in production)
 * @param nginxWorkerShutdownMs nginx worker_shutdown_timeout where a scenario sets one
 * @param freezeMs how long a frozen peer stays stopped (twice the heartbeat timeout)
 * @param stackIdleTimeoutMs the stack's own idle timeout where a scenario sets one (--idle-timeout-ms)
 */
public record Timings(long tickMs, long sendMs, long heartbeatMs, long heartbeatTimeoutMs, long restartDelayMs,
                      long windowMs, long boundMs, long readyTimeoutMs, long nginxReadTimeoutMs,
                      long nginxSendTimeoutMs, long nginxWorkerShutdownMs, long freezeMs, long stackIdleTimeoutMs) {

    /** The suite's scaled values, with the observation window from the configuration. */
    public static Timings scaled(long windowMs) {
        return new Timings(50, 50, 500, 1500, 500, windowMs, 2500, 15_000, 2000, 2000, 2000, 3000, 2000);
    }

    /**
     * The timings a run header recorded ({@link #asMap()} read back); a missing or non-numeric
     * value is a one-line error naming it.
     *
     * @param where how the error names the input (a file)
     */
    public static Timings fromMap(Map<String, Object> m, String where) {
        return new Timings(get(m, "tick_ms", where), get(m, "send_ms", where), get(m, "heartbeat_ms", where),
                get(m, "heartbeat_timeout_ms", where), get(m, "restart_delay_ms", where), get(m, "window_ms", where),
                get(m, "detect_bound_ms", where), get(m, "ready_timeout_ms", where),
                get(m, "nginx_proxy_read_timeout_ms", where), get(m, "nginx_proxy_send_timeout_ms", where),
                get(m, "nginx_worker_shutdown_timeout_ms", where), getOr(m, "freeze_ms", 3000),
                getOr(m, "stack_idle_timeout_ms", 2000));
    }

    /** A timing added later than the stored header: the value it had when it was added. */
    private static long getOr(Map<String, Object> m, String key, long added) {
        return m.get(key) instanceof Number n ? n.longValue() : added;
    }

    private static long get(Map<String, Object> m, String key, String where) {
        if (m.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw HarnessException.configuration(where + " has no number run.timings." + key);
    }

    /** For the report: name -> milliseconds. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tick_ms", tickMs);
        m.put("send_ms", sendMs);
        m.put("heartbeat_ms", heartbeatMs);
        m.put("heartbeat_timeout_ms", heartbeatTimeoutMs);
        m.put("restart_delay_ms", restartDelayMs);
        m.put("window_ms", windowMs);
        m.put("detect_bound_ms", boundMs);
        m.put("ready_timeout_ms", readyTimeoutMs);
        m.put("nginx_proxy_read_timeout_ms", nginxReadTimeoutMs);
        m.put("nginx_proxy_send_timeout_ms", nginxSendTimeoutMs);
        m.put("nginx_worker_shutdown_timeout_ms", nginxWorkerShutdownMs);
        m.put("freeze_ms", freezeMs);
        m.put("stack_idle_timeout_ms", stackIdleTimeoutMs);
        // Not a time, but a setting every slow-consumer cell shares and a reader must know: the server's memory limit.
        m.put("slow_consumer_server_heap_mib", SlowConsumer.SERVER_MEMORY_MIB);
        m.put("websocket_blocked_control_ms", WebSocketBlocked.CONTROL_MS);
        m.put("websocket_blocked_window_ms", WebSocketBlocked.BLOCKED_MS);
        // lb-failover's HAProxy timeouts and health check, scaled like nginx's.
        m.putAll(io.wsbed.harness.haproxy.HaproxySettings.scaled(this).asMap());
        // The polling fallback's interval (--poll-ms) in the poll-fallback variants.
        m.put("poll_ms", PollFallback.POLL_MS);
        m.put("poll_fallback_hold_ms", PollFallback.HOLD_MS);
        return m;
    }
}
