package io.wsbed.harness.haproxy;

import io.wsbed.harness.scenario.Timings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HAProxy knobs lb-failover renders, scaled down from production like nginx's: each is
 * listed in the run header ({@link #asMap()} is part of {@link Timings#asMap()}).
 *
 * @param connect {@code timeout connect}: bound on opening a connection to an instance
 * @param client {@code timeout client}: client-side inactivity before the Upgrade completes
 * @param server {@code timeout server}: server-side inactivity before the Upgrade completes
 * @param tunnel {@code timeout tunnel}: inactivity of an upgraded connection, both ways
 * @param checkInter the health check's interval ({@code check inter})
 * @param fall failed checks in a row that mark an instance DOWN
 * @param rise good checks in a row that mark it UP again
 * @param retries connection retries before a client is refused (the last one redispatched)
 */
public record HaproxySettings(Duration connect, Duration client, Duration server, Duration tunnel,
                              Duration checkInter, int fall, int rise, int retries) {

    public HaproxySettings {
        for (Duration d : new Duration[] {connect, client, server, tunnel, checkInter}) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative() || d.isZero() || d.toNanos() % 1_000_000 != 0) {
                throw new IllegalArgumentException("HAProxy times are positive whole milliseconds, got " + d);
            }
        }
        if (fall < 1 || rise < 1 || retries < 0) {
            throw new IllegalArgumentException("fall and rise must be at least 1 and retries at least 0");
        }
    }

    /**
     * The suite's values. Production commonly runs {@code timeout connect 5s}, client/server 30-50 s,
     * {@code timeout tunnel 1h}, {@code check inter 2s fall 3 rise 2}; scaled: connect 500 ms,
     * client/server 5 s, health check every 250 ms with fall 2 and rise 2. The tunnel timeout is
     * three observation windows, longer than any lb-failover cell: a quiet tunnel cut by HAProxy
     * would be a different question (the idle-timeout scenarios ask it for nginx), not a failover.
     */
    public static HaproxySettings scaled(Timings t) {
        return new HaproxySettings(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(3 * t.windowMs()), Duration.ofMillis(250), 2, 2, 2);
    }

    /** For the run header: name -> value (ms, or a count). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("haproxy_timeout_connect_ms", connect.toMillis());
        m.put("haproxy_timeout_client_ms", client.toMillis());
        m.put("haproxy_timeout_server_ms", server.toMillis());
        m.put("haproxy_timeout_tunnel_ms", tunnel.toMillis());
        m.put("haproxy_check_inter_ms", checkInter.toMillis());
        m.put("haproxy_check_fall", fall);
        m.put("haproxy_check_rise", rise);
        m.put("haproxy_retries", retries);
        return m;
    }
}
