package io.wsbed.harness.schedule;

import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.check.History;
import io.wsbed.harness.haproxy.HaproxySettings;
import io.wsbed.harness.infra.NginxProxy;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Profile;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.stack.RunningStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cell while its schedule runs: the processes and proxy its {@link Setup} started, the session
 * pair in use, and the stimulus time. Steps act on it; every mark goes through it, so every
 * label in a mark is one the harness gave.
 */
public final class Stage {
    private final CellContext ctx;
    private final Setup setup;
    private final int serverPort;
    private final int entryPort;
    private RunningStack server;
    private RunningStack client;
    private Proxy toxiproxy;
    private NginxProxy nginx;
    private NginxSettings nginxSettings;
    private NetworkFault active;
    private Sessions pair;
    private long t0 = -1;
    private long lastFault;
    private long lastRecovery;
    private long nextSeq = 900_001;

    private Stage(CellContext ctx, Setup setup) {
        this.ctx = ctx;
        this.setup = setup;
        ctx.limitServerMemory(setup.serverMemoryMib());
        this.server = ctx.startServer(setup.traffic() ? ctx.timings().tickMs() : 0,
                withIdle(pings(setup.serverPings()), Side.SERVER));
        this.serverPort = server.port();
        this.entryPort = entry();
        this.client = startClient();
    }

    /** Starts what the setup describes and waits for its start condition (bounded). */
    static Stage setUp(CellContext ctx, Setup setup) {
        Stage s = new Stage(ctx, setup);
        s.awaitStart();
        s.ctx.mark(History.STAGE, "client", s.client.label(), "server", s.server.label(),
                "connections", setup.connections());
        return s;
    }

    private int entry() {
        return switch (ctx.cell().path()) {
            case DIRECT -> serverPort;
            case NGINX, WSS -> {
                Timings t = ctx.timings();
                NginxSettings plain = new NginxSettings(Duration.ofMillis(t.nginxReadTimeoutMs()),
                        Duration.ofMillis(t.nginxSendTimeoutMs()), setup.workerShutdownTimeout()
                        ? Optional.of(Duration.ofMillis(t.nginxWorkerShutdownMs())) : Optional.empty());
                nginxSettings = ctx.cell().path() == NetworkPath.WSS ? plain.withTls(ctx.tlsCertificate()) : plain;
                nginx = ctx.nginx(nginxSettings, serverPort);
                yield nginx.port();
            }
            case HAPROXY -> {
                // A second instance of the same server stack, started as the first; HAProxy balances
                // the client's connections over both. The stage's server (the one steps kill and
                // restart) stays the first.
                RunningStack second = ctx.startServer(setup.traffic() ? ctx.timings().tickMs() : 0,
                        withIdle(pings(setup.serverPings()), Side.SERVER));
                yield ctx.haproxy(HaproxySettings.scaled(ctx.timings()), List.of(server, second)).port();
            }
            case TOXIPROXY -> {
                toxiproxy = ctx.toxiproxy(serverPort);
                setup.armed().ifPresent(f -> NetworkFault.run(() -> f.arm(toxiproxy), "arm " + f.kind()));
                yield CellContext.proxyPort(toxiproxy);
            }
        };
    }

    private void awaitStart() {
        switch (setup.start()) {
            case FLOW -> pair = ctx.awaitFlow(client, server);
            case OPEN -> pair = new Sessions(ctx.awaitOpen(client, 0, Duration.ofSeconds(5)).session(),
                    ctx.awaitOpen(server, 0, Duration.ofSeconds(5)).session());
            case ALL_OPEN -> {
                Duration bound = Duration.ofSeconds(30);
                int open = ctx.timeline().awaitCount(e -> e.source().equals(client.label()) && e.ev().equals("open"),
                        setup.connections(), bound);
                if (open < setup.connections()) {
                    throw new HarnessException("only " + open + " of " + setup.connections() + " clients connected within "
                            + bound.toSeconds() + " s before the fault; see " + ctx.logDir());
                }
            }
            case NOTHING -> {
            }
        }
    }

    private List<String> pings(Setup.Pings pings) {
        return switch (pings) {
            case PROFILE -> ctx.cell().profile().options(ctx.timings());
            case ALWAYS -> Profile.HEARTBEAT.options(ctx.timings());
            case NEVER -> List.of();
        };
    }

    /** The options with the stack's own idle timeout added when the setup gives {@code side} one. */
    private List<String> withIdle(List<String> options, Side side) {
        if (setup.idleTimeout().filter(side::equals).isEmpty()) {
            return options;
        }
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of("--idle-timeout-ms", Long.toString(ctx.timings().stackIdleTimeoutMs())));
        return all;
    }

    /** Starts a client as the setup describes; it becomes the stage's client. */
    RunningStack startClient() {
        return startClientAt(entryPort);
    }

    /** Starts a client as the setup describes, connecting to {@code port}; it becomes the stage's client. */
    RunningStack startClientAt(int port) {
        List<String> options = new ArrayList<>(withIdle(pings(setup.clientPings()), Side.CLIENT));
        if (setup.connections() > 1) {
            options.addAll(List.of("--connections", Integer.toString(setup.connections())));
        }
        client = ctx.startClient(port, setup.traffic() ? ctx.timings().sendMs() : 0, setup.reconnect(), options);
        return client;
    }

    /** Starts a new server on the old port (retrying while it is still taken); it becomes the stage's server. */
    RunningStack restartServer(Duration bound) {
        server = ctx.restartServer(serverPort, setup.traffic() ? ctx.timings().tickMs() : 0,
                withIdle(pings(setup.serverPings()), Side.SERVER), bound);
        return server;
    }

    /** Marks a fault now; the first fault is the stimulus t0. */
    long fault(String kind, Object... fields) {
        Object[] all = new Object[fields.length + 2];
        all[0] = "kind";
        all[1] = kind;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return faultAt(ctx.timeline().nowMicros(), all);
    }

    /** Marks a fault at a moment already past (the quiet period that began at the handshake). */
    long faultAt(long tMicros, Object... fields) {
        ctx.markAt(tMicros, "fault", fields);
        lastFault = tMicros;
        if (t0 < 0) {
            t0 = tMicros;
        }
        return tMicros;
    }

    long mark(String ev, Object... fields) {
        return ctx.mark(ev, fields);
    }

    /**
     * Waits (bounded) until a process that was killed or stopped has exited, kills it if it has
     * not, and marks that the peer is gone.
     */
    void awaitGone(RunningStack p) {
        boolean exited = p.awaitExit(Duration.ofSeconds(3));
        if (!exited) {
            p.kill();
            p.awaitExit(Duration.ofSeconds(2));
            mark("note", "text", p.label() + " did not exit within 3 s of the stimulus and was killed");
        }
        mark("peer-gone", "target", p.label(), "exited", exited);
    }

    /** The next numbered message for a send the harness asks for. */
    long nextSeq() {
        return nextSeq++;
    }

    CellContext ctx() {
        return ctx;
    }

    Timings timings() {
        return ctx.timings();
    }

    RunningStack server() {
        return server;
    }

    /** The port the cell's servers listen on (restarts keep it). */
    int serverPort() {
        return serverPort;
    }

    RunningStack client() {
        return client;
    }

    RunningStack process(Side side) {
        return side == Side.CLIENT ? client : server;
    }

    /** The session of {@code side} in the current pair. */
    String session(Side side) {
        if (pair == null) {
            throw new HarnessException("no session pair is open; a schedule must await one first");
        }
        return side == Side.CLIENT ? pair.client() : pair.server();
    }

    void pair(Sessions sessions) {
        pair = sessions;
    }

    Proxy toxiproxy() {
        if (toxiproxy == null) {
            throw new HarnessException("this step needs the toxiproxy path; the cell runs on " + ctx.cell().path());
        }
        return toxiproxy;
    }

    NginxProxy nginx() {
        if (nginx == null) {
            throw new HarnessException("this step needs the nginx path; the cell runs on " + ctx.cell().path());
        }
        return nginx;
    }

    NginxSettings nginxSettings() {
        return nginxSettings;
    }

    void active(NetworkFault fault) {
        active = fault;
    }

    NetworkFault active() {
        if (active == null) {
            throw new HarnessException("no network fault is active to recover from");
        }
        return active;
    }

    /** The stimulus time (the first fault); a step that needs it before any fault is a schedule bug. */
    long t0() {
        if (t0 < 0) {
            throw new HarnessException("no fault has been marked yet");
        }
        return t0;
    }

    /** The time of the latest fault, or 0 before the first. */
    long lastFault() {
        return lastFault;
    }

    /** Marks that the active fault was taken away. */
    long recover(String kind) {
        return recoverAt(ctx.timeline().nowMicros(), kind);
    }

    /** Marks that the fault was taken away at a moment already past (when the signal that ends it was sent). */
    long recoverAt(long tMicros, String kind) {
        lastRecovery = ctx.markAt(tMicros, "recover", "kind", kind);
        return lastRecovery;
    }

    /** The later of the latest fault and the latest recovery: where a reconnect is counted from. */
    long lastTurn() {
        return Math.max(lastFault, lastRecovery);
    }
}
