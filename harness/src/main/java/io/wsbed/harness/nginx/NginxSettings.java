package io.wsbed.harness.nginx;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The nginx knobs a scenario turns: how long a tunnel may be quiet, how long a blocked write to
 * the upstream may wait, and how long old workers may drain after a reload (none = no limit).
 *
 * @param readTimeout {@code proxy_read_timeout}: the tunnel is cut after this long without traffic
 * @param sendTimeout {@code proxy_send_timeout}: only matters while a write to the upstream blocks
 * @param workerShutdownTimeout {@code worker_shutdown_timeout}; empty leaves the directive out
 * @param tls the certificate nginx terminates TLS with on the client's side (the wss path); empty
 *     = plain ws
 */
public record NginxSettings(Duration readTimeout, Duration sendTimeout, Optional<Duration> workerShutdownTimeout,
                            Optional<TlsCertificate> tls) {
    /** nginx's own defaults: 60 s read and send timeouts, old workers drain without limit. */
    public static final NginxSettings NGINX_DEFAULTS =
            new NginxSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), Optional.empty());

    /** Plain ws settings. */
    public NginxSettings(Duration readTimeout, Duration sendTimeout, Optional<Duration> workerShutdownTimeout) {
        this(readTimeout, sendTimeout, workerShutdownTimeout, Optional.empty());
    }

    public NginxSettings {
        Objects.requireNonNull(tls, "tls (use Optional.empty())");
        requireMillis("readTimeout", readTimeout);
        requireMillis("sendTimeout", sendTimeout);
        Objects.requireNonNull(workerShutdownTimeout, "workerShutdownTimeout (use Optional.empty())");
        workerShutdownTimeout.ifPresent(d -> requireMillis("workerShutdownTimeout", d));
    }

    public NginxSettings withReadTimeout(Duration timeout) {
        return new NginxSettings(timeout, sendTimeout, workerShutdownTimeout, tls);
    }

    public NginxSettings withSendTimeout(Duration timeout) {
        return new NginxSettings(readTimeout, timeout, workerShutdownTimeout, tls);
    }

    public NginxSettings withWorkerShutdownTimeout(Duration timeout) {
        return new NginxSettings(readTimeout, sendTimeout, Optional.of(timeout), tls);
    }

    public NginxSettings withoutWorkerShutdownTimeout() {
        return new NginxSettings(readTimeout, sendTimeout, Optional.empty(), tls);
    }

    /** The same settings with TLS on the client's side, from this certificate. */
    public NginxSettings withTls(TlsCertificate certificate) {
        return new NginxSettings(readTimeout, sendTimeout, workerShutdownTimeout, Optional.of(certificate));
    }

    // nginx time values have millisecond resolution; a finer value would be silently truncated.
    private static void requireMillis(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.toNanos() % 1_000_000 != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of milliseconds, got " + value);
        }
    }
}
