package io.wsbed.harness.infra;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.nginx.TlsCertificate;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run gets its proxies from. One instance per run; it is closed when the run ends and
 * must then leave nothing running.
 */
public interface Infrastructure extends AutoCloseable {

    /** "local" or "containers", as the report's run header says. */
    String kind();

    /** What the report's run header shows: binaries, versions, images. */
    Map<String, Object> describe();

    /** Why nginx cells cannot run, or empty when they can. */
    Optional<String> nginxMissing();

    /**
     * Why wss cells cannot run, or empty when they can. Only the local mode runs them: the nginx
     * container would need the run's certificate mounted, which it does not have.
     */
    default Optional<String> wssMissing() {
        return Optional.of("wss cells run in the local mode only (" + kind() + " has no certificate for nginx)");
    }

    /** The run's certificate for 127.0.0.1, made on first use; only when {@link #wssMissing()} is empty. */
    default TlsCertificate tlsCertificate() {
        throw new HarnessException(wssMissing().orElse("this infrastructure makes no certificate"));
    }

    /** The run's Toxiproxy server (started on first use). */
    ToxiproxyAccess toxiproxy();

    /** Starts an nginx in front of 127.0.0.1:{@code upstreamPort}; the caller closes it. */
    NginxProxy startNginx(NginxSettings settings, int upstreamPort, Path logDir);

    @Override
    void close();
}
