package io.wsbed.harness.nginx;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The nginx knobs a scenario turns: how long a tunnel may be quiet, how long a blocked write to
 * the upstream may wait, how long old workers may drain after a reload (none = no limit), and
 * whether the proxy lets a WebSocket Upgrade through at all, and whether it terminates TLS.
 *
 * @param readTimeout {@code proxy_read_timeout}: the tunnel is cut after this long without traffic
 * @param sendTimeout {@code proxy_send_timeout}: only matters while a write to the upstream blocks
 * @param workerShutdownTimeout {@code worker_shutdown_timeout}; empty leaves the directive out
 * @param upgrade what the proxy does with a request that asks for an Upgrade
 * @param tls the certificate nginx terminates TLS with on the client's side (the wss path); empty
 *     = plain ws
 */
public record NginxSettings(Duration readTimeout, Duration sendTimeout, Optional<Duration> workerShutdownTimeout,
                            Upgrade upgrade, Optional<TlsCertificate> tls) {
    /** nginx's own defaults: 60 s read and send timeouts, old workers drain without limit. */
    public static final NginxSettings NGINX_DEFAULTS =
            new NginxSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), Optional.empty());

    /**
     * What the proxy does with a request carrying {@code Upgrade}. Plain HTTP requests (long-polling,
     * a {@code GET /poll}) reach the upstream unchanged in every mode.
     */
    public enum Upgrade {
        /** Passes Upgrade and Connection on: the WebSocket tunnel works (the usual config). */
        PASS("pass"),
        /**
         * Drops Upgrade and Connection, as a proxy configured without the two {@code proxy_set_header}
         * lines does: the upstream sees a plain GET and answers it as it answers any GET.
         */
        STRIP("strip"),
        /** Answers any request carrying Upgrade with 403 itself; nothing reaches the upstream. */
        FORBID("forbid");

        private final String id;

        Upgrade(String id) {
            this.id = id;
        }

        /** The word marks and reports use. */
        public String id() {
            return id;
        }
    }

    public NginxSettings {
        requireMillis("readTimeout", readTimeout);
        requireMillis("sendTimeout", sendTimeout);
        Objects.requireNonNull(workerShutdownTimeout, "workerShutdownTimeout (use Optional.empty())");
        workerShutdownTimeout.ifPresent(d -> requireMillis("workerShutdownTimeout", d));
        Objects.requireNonNull(upgrade, "upgrade");
        Objects.requireNonNull(tls, "tls (use Optional.empty())");
    }

    /** The usual proxy, plain ws: the Upgrade passes. */
    public NginxSettings(Duration readTimeout, Duration sendTimeout, Optional<Duration> workerShutdownTimeout) {
        this(readTimeout, sendTimeout, workerShutdownTimeout, Upgrade.PASS, Optional.empty());
    }

    public NginxSettings withReadTimeout(Duration timeout) {
        return new NginxSettings(timeout, sendTimeout, workerShutdownTimeout, upgrade, tls);
    }

    public NginxSettings withSendTimeout(Duration timeout) {
        return new NginxSettings(readTimeout, timeout, workerShutdownTimeout, upgrade, tls);
    }

    public NginxSettings withWorkerShutdownTimeout(Duration timeout) {
        return new NginxSettings(readTimeout, sendTimeout, Optional.of(timeout), upgrade, tls);
    }

    public NginxSettings withoutWorkerShutdownTimeout() {
        return new NginxSettings(readTimeout, sendTimeout, Optional.empty(), upgrade, tls);
    }

    /** The same proxy with another treatment of the Upgrade. */
    public NginxSettings withUpgrade(Upgrade mode) {
        return new NginxSettings(readTimeout, sendTimeout, workerShutdownTimeout, mode, tls);
    }

    /** The same settings with TLS on the client's side, from this certificate. */
    public NginxSettings withTls(TlsCertificate certificate) {
        return new NginxSettings(readTimeout, sendTimeout, workerShutdownTimeout, upgrade, Optional.of(certificate));
    }

    // nginx time values have millisecond resolution; a finer value would be silently truncated.
    private static void requireMillis(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of milliseconds, got " + value);
        }
    }
}
