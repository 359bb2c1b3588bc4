package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.NginxReloadChecker;
import io.wsbed.harness.schedule.AwaitAfterCut;
import io.wsbed.harness.schedule.AwaitEnd;
import io.wsbed.harness.schedule.ReloadNginx;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * {@code nginx -s reload} while a session is open and messages flow, without and with
 * worker_shutdown_timeout: does the session survive the old worker, and if not, when and how
 * does each side learn, and how fast does the client come back through the new worker?
 */
public final class NginxReloadScenario implements Scenario {
    private final String id;
    private final boolean shutdownTimeout;

    private NginxReloadScenario(String id, boolean shutdownTimeout) {
        this.id = id;
        this.shutdownTimeout = shutdownTimeout;
    }

    public static NginxReloadScenario plain() {
        return new NginxReloadScenario("nginx-reload", false);
    }

    public static NginxReloadScenario withShutdownTimeout() {
        return new NginxReloadScenario("nginx-reload-shutdown-timeout", true);
    }

    /** The plain reload holds the old worker for most of the window; the shutdown timeout cuts that short. */
    @Override
    public long expectedMs(Timings timings) {
        return shutdownTimeout ? timings.windowMs() * 2 / 5 : timings.windowMs() * 3 / 4;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<NetworkPath> paths() {
        return shutdownTimeout ? List.of(NetworkPath.NGINX) : List.of(NetworkPath.NGINX, NetworkPath.WSS);
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String measures() {
        return "client_detect_ms: ms from nginx -s reload to the client's first close, error or refused send, if the"
                + " reload cut the session; client_wire_ms: the old worker's FIN at the client's socket (with a capture)."
                + " Through nginx (plain or wss) also handshake_ms, the client's ready to its first open, and after a"
                + " reconnect reconnect_handshake_ms (README, the wss path).";
    }

    @Override
    public String description() {
        return shutdownTimeout
                ? "nginx is reloaded while messages flow; worker_shutdown_timeout bounds how long the old worker keeps the tunnel."
                : "nginx is reloaded while messages flow; no worker_shutdown_timeout (the old worker drains for as long as tunnels live).";
    }

    @Override
    public List<String> reports() {
        return List.of("survived", "client_detect_ms", "server_detect_ms", "reconnect_ms", "reload_ms");
    }

    @Override
    public Setup setup() {
        return shutdownTimeout ? Setup.flowing().withWorkerShutdownTimeout() : Setup.flowing();
    }

    @Override
    public List<Step> schedule(Timings t) {
        long windowMs = 3 * t.nginxWorkerShutdownMs();
        return List.of(new ReloadNginx(windowMs), new AwaitEnd(Side.CLIENT, windowMs, 0),
                new AwaitAfterCut(t.windowMs(), t.boundMs()));
    }

    @Override
    public Checker checker() {
        return new NginxReloadChecker();
    }
}
