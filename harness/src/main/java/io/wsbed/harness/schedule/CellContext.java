package io.wsbed.harness.schedule;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.haproxy.HaproxyBinary;
import io.wsbed.harness.haproxy.HaproxyFront;
import io.wsbed.harness.haproxy.HaproxySettings;
import io.wsbed.harness.infra.Infrastructure;
import eu.rekawek.toxiproxy.Proxy;
import io.wsbed.harness.infra.NginxProxy;
import io.wsbed.harness.infra.ToxiproxyAccess;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.nginx.TlsCertificate;
import io.wsbed.harness.process.CpuPriority;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.process.QuietWindows;
import io.wsbed.harness.process.StartGate;
import io.wsbed.harness.scenario.Cell;
import io.wsbed.harness.scenario.PollFallback;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Timings;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.stack.StackDescriptor;
import io.wsbed.harness.stack.StartArchives;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one cell needs while it runs: its stacks, its timeline, its log folder and the
 * timings; it starts processes with the profile's options, marks harness events, and closes
 * every process it started.
 */
public final class CellContext implements AutoCloseable {
    private final Cell cell;
    private final StackDescriptor server;
    private final StackDescriptor client;
    private final Timings timings;
    private final Timeline timeline;
    private final Path logDir;
    private final long seed;
    private final Infrastructure infra;
    private final StartGate gate;
    private final StartArchives archives;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<RunningStack> started = new ArrayList<>();
    private final Map<String, Long> startMs = new LinkedHashMap<>();
    private final java.util.Set<String> recoveries = new java.util.HashSet<>();
    private int servers;
    private int clients;
    private int serverMemoryMib;

    public CellContext(Cell cell, StackDescriptor server, StackDescriptor client, Timings timings, Timeline timeline,
                       Path logDir, long seed, Infrastructure infra, StartGate gate, StartArchives archives) {
        this.infra = infra;
        this.gate = gate;
        this.archives = archives;
        this.cell = cell;
        this.server = server;
        this.client = client;
        this.timings = timings;
        this.timeline = timeline;
        this.logDir = logDir;
        this.seed = seed;
    }

    public Cell cell() {
        return cell;
    }

    public Timings timings() {
        return timings;
    }

    public Timeline timeline() {
        return timeline;
    }

    public Path logDir() {
        return logDir;
    }

    /** Every server this cell starts from now on runs with this memory limit in MiB (0: the stack's default). */
    public void limitServerMemory(int mib) {
        serverMemoryMib = mib;
    }

    /** Launch-to-ready time of every process this cell started, by label. */
    public Map<String, Long> startMs() {
        return new LinkedHashMap<>(startMs);
    }

    /**
     * Start time spent on setting the cell up: every process start except restarts, which are
     * part of the scenario (server_restart_ms) rather than harness overhead.
     */
    public long setupStartMs() {
        return startMs.entrySet().stream().filter(e -> !recoveries.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Starts the cell's first server on a port of its own ({@link FreePort}: never one the kernel
     * hands out, so a restart can have it back), trying another port when one was taken between
     * the choice and the server's bind.
     */
    public RunningStack startServer(long tickMs, List<String> heartbeatOptions) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startServer(FreePort.loopback(), tickMs, heartbeatOptions);
            } catch (RunningStack.NotReadyException e) {
                if (!e.addressInUse() || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Starts a server with explicit heartbeat options instead of the profile's. */
    public RunningStack startServer(int port, long tickMs, List<String> heartbeatOptions) {
        List<String> opts = new ArrayList<>(List.of("--port", Integer.toString(port), "--tick-ms", Long.toString(tickMs)));
        opts.addAll(heartbeatOptions);
        return start(server, "server", "server-" + ++servers, opts);
    }

    /** The label the next server this cell starts will have ("server-2" for the first restart). */
    public String nextServerLabel() {
        return "server-" + (servers + 1);
    }

    /**
     * Creates a Toxiproxy proxy on a free loopback port in front of {@code upstreamPort}, through
     * toxiproxy-java; it is deleted with the cell.
     */
    public Proxy toxiproxy(int upstreamPort) {
        ToxiproxyAccess access = infra.toxiproxy();
        String name = "wsbed-" + cell.id().replace('.', '-') + "-" + (opened.size() + 1);
        try {
            Proxy existing = access.client().getProxyOrNull(name);
            if (existing != null) {
                existing.delete();
            }
            Proxy proxy = createProxy(access, name, upstreamPort);
            opened.add(() -> {
                try {
                    proxy.delete();
                } catch (java.io.IOException e) {
                    // Already gone (a reset or a restarted server); nothing left to clean.
                }
            });
            mark("proxy-ready", "proxy", NetworkPath.TOXIPROXY.id(), "name", name, "listen", proxy.getListen(), "upstream", upstreamPort);
            return proxy;
        } catch (java.io.IOException e) {
            throw new HarnessException("Toxiproxy refused to create proxy " + name + ": " + e.getMessage(), e);
        }
    }

    /** A proxy listening on a port of this cell's own ({@link FreePort}), trying another when one was taken meanwhile. */
    private static Proxy createProxy(ToxiproxyAccess access, String name, int upstreamPort) throws java.io.IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return access.client().createProxy(name, access.listenHost() + ":" + FreePort.loopback(),
                        access.upstreamHost() + ":" + upstreamPort);
            } catch (java.io.IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The port a Toxiproxy proxy listens on ("127.0.0.1:41234" -> 41234). */
    public static int proxyPort(Proxy proxy) {
        String listen = proxy.getListen();
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** Starts nginx in front of {@code upstreamPort}; it is closed with the cell, its logs kept. */
    public NginxProxy nginx(NginxSettings settings, int upstreamPort) {
        return nginx(settings, upstreamPort, "nginx");
    }

    /**
     * Starts a further nginx in the same cell under its own label (its log folder and start time);
     * its {@code proxy-ready} mark names the label and how it treats an Upgrade.
     */
    public NginxProxy nginx(NginxSettings settings, int upstreamPort, String label) {
        long launched = timeline.nowMicros();
        NginxProxy p = infra.startNginx(settings, upstreamPort, logDir.resolve(label));
        opened.add(p);
        startMs.put(label, Math.round((timeline.nowMicros() - launched) / 1000.0));
        boolean first = label.equals("nginx");
        mark("proxy-ready", "proxy", cell.path().id(), "port", p.port(), "upstream", upstreamPort,
                "proxy_read_timeout_ms", settings.readTimeout().toMillis(), "label", first ? null : label,
                "upgrade", settings.upgrade() == NginxSettings.Upgrade.PASS ? null : settings.upgrade().id(),
                "tls_spki_sha256", settings.tls().map(TlsCertificate::spkiSha256).orElse(null));
        return p;
    }

    /** The run's certificate for the wss path (nginx serves it, clients trust it). */
    public TlsCertificate tlsCertificate() {
        return infra.tlsCertificate();
    }

    /**
     * Starts HAProxy (this machine's) in front of the instances' ports; it is closed with the cell,
     * its config and log kept in the cell's haproxy/ folder. The mark names the instances in the
     * config's order (i1, i2, ...), which is how a checker tells which session was on which.
     */
    public HaproxyFront haproxy(HaproxySettings settings, List<RunningStack> instances) {
        HaproxyBinary binary = HaproxyBinary.local().orElseThrow(() -> new HarnessException(HaproxyBinary.MISSING_REASON));
        long launched = timeline.nowMicros();
        HaproxyFront front = HaproxyFront.start(binary, settings, instances.stream().map(RunningStack::port).toList(),
                logDir.resolve("haproxy"));
        opened.add(front);
        startMs.put("haproxy", Math.round((timeline.nowMicros() - launched) / 1000.0));
        mark("proxy-ready", "proxy", NetworkPath.HAPROXY.id(), "port", front.port(),
                "instances", String.join(",", instances.stream().map(RunningStack::label).toList()));
        return front;
    }

    /**
     * Restarts a server on the same port, retrying while the port is still taken, until the
     * bound runs out.
     */
    public RunningStack restartServer(int port, long tickMs, List<String> heartbeatOptions, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                recoveries.add(nextServerLabel());
                return startServer(port, tickMs, heartbeatOptions);
            } catch (RunningStack.NotReadyException e) {
                if (!e.addressInUse() || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(Duration.ofMillis(50));
            }
        }
    }

    /** Starts a client with an explicit reconnect mode and further options (heartbeat, connections). */
    public RunningStack startClient(int port, long sendMs, String reconnect, List<String> extraOptions) {
        boolean tls = cell.path() == NetworkPath.WSS;
        List<String> opts = new ArrayList<>(List.of("--url", (tls ? "wss" : "ws") + "://127.0.0.1:" + port + "/ws",
                "--send-ms", Long.toString(sendMs), "--reconnect", reconnect, "--seed", Long.toString(seed + clients)));
        if (tls) {
            opts.addAll(List.of("--ca-file", infra.tlsCertificate().certificate().toAbsolutePath().toString()));
        }
        if (PollFallback.MODE.equals(reconnect)) {
            opts.addAll(List.of("--poll-ms", Long.toString(PollFallback.POLL_MS)));
        }
        opts.addAll(extraOptions);
        return start(client, "client", "client-" + ++clients, opts);
    }

    private RunningStack start(StackDescriptor stack, String role, String label, List<String> options) {
        // A restart's time is a figure of the scenario: it never waits behind other cells' starts.
        // Set-up starts beside other cells run at a lower CPU priority until ready, so that a
        // neighbour noticing a fault does not wait behind them.
        boolean setUp = !recoveries.contains(label);
        try (StartGate.Slot slot = setUp ? gate.enter() : null) {
            boolean lowered = setUp && gate.sharesMachine();
            RunningStack p = RunningStack.launch(stack, role, options, label, logDir, timeline,
                    archives.of(stack.id(), role), lowered, role.equals("server") ? serverMemoryMib : 0);
            started.add(p);
            Event ready = p.awaitReady(Duration.ofMillis(timings.readyTimeoutMs()));
            startMs.put(label, Math.round((ready.tMicros() - p.launchedMicros()) / 1000.0));
            if (lowered) {
                p.restorePriority();
            }
            return p;
        }
    }

    /** Waits until {@code process} opens a session; a session that never opens breaks the cell. */
    public Event awaitOpen(RunningStack process, long afterMicros, Duration timeout) {
        return timeline.await(e -> e.source().equals(process.label()) && e.ev().equals("open")
                        && e.tMicros() >= afterMicros, timeout)
                .orElseThrow(() -> new HarnessException(process.label() + " opened no session within "
                        + timeout.toMillis() + " ms; see " + logDir));
    }

    /**
     * Waits until both sides have opened a session and numbered messages flow both ways (three
     * each): the state every scenario with traffic starts its stimulus from.
     */
    public Sessions awaitFlow(RunningStack client, RunningStack server) {
        String cs = awaitOpen(client, 0, Duration.ofSeconds(5)).session();
        String ss = awaitOpen(server, 0, Duration.ofSeconds(5)).session();
        awaitReceived(client, 3, Duration.ofSeconds(3));
        awaitReceived(server, 3, Duration.ofSeconds(3));
        return new Sessions(cs, ss);
    }

    /** Waits until {@code process} has received {@code count} numbered messages (bounded). */
    public void awaitReceived(RunningStack process, int count, Duration timeout) {
        int n = timeline.awaitCount(e -> e.source().equals(process.label()) && TimelineQueries.socketRecv(e), count,
                timeout);
        if (n < count) {
            throw new HarnessException(process.label() + " received " + n + " of " + count
                    + " numbered messages within " + timeout.toMillis() + " ms: the message flow never started; see " + logDir);
        }
    }

    /** Records a harness event now and returns its time (the stimulus time t0 when kind is a fault). */
    public long mark(String ev, Object... fields) {
        return markAt(timeline.nowMicros(), ev, fields);
    }

    /** Records a harness event at a moment already past (e.g. "the quiet period began at the handshake"). */
    public long markAt(long tMicros, String ev, Object... fields) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                f.put((String) fields[i], fields[i + 1]);
            }
        }
        timeline.add(new Event("harness", tMicros, ev, f));
        return tMicros;
    }

    /** The first event from {@code source} with one of the names, at or after a time, waiting up to the bound. */
    public Optional<Event> awaitFrom(String source, long afterMicros, Duration timeout, String... evs) {
        List<String> names = List.of(evs);
        return timeline.await(e -> e.source().equals(source) && names.contains(e.ev()) && e.tMicros() >= afterMicros,
                timeout);
    }

    /** Sleeps until {@code micros} on the harness clock (no-op when already past). */
    public void sleepUntil(long micros) {
        long left = micros - timeline.nowMicros();
        if (left > 0) {
            sleep(Duration.ofNanos(left * 1000));
        }
    }

    public static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted", e);
        }
    }

    /**
     * Waits (bounded) until every stack process this cell started has exited, after {@link #close()}
     * told them to: their last packets are then on the wire. True when all did in time.
     */
    public boolean awaitProcessesExited(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean all = true;
        for (RunningStack p : started) {
            all &= p.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return all;
    }

    /**
     * Waits (bounded) for this cell's turn to apply a fault beside the others, then gives its
     * processes the CPU first for the quiet window (see {@link QuietWindows}).
     */
    public void awaitFaultTurn() {
        QuietWindows windows = gate.windows();
        if (!windows.on()) {
            return;
        }
        windows.awaitTurn();
        CpuPriority.raiseFor(started.stream().filter(RunningStack::isAlive).map(RunningStack::pid).toList(),
                windows.window());
    }

    /** Waits (bounded) while a neighbour is inside its quiet window: a teardown takes the CPU too. */
    public void awaitNeighboursQuiet() {
        gate.windows().awaitClosed();
    }

    /** Closes every process this cell started (they exit in the background, or are killed) and its proxies. */
    @Override
    public void close() {
        started.forEach(RunningStack::close);
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                mark("note", "text", "closing " + c + " failed: " + e.getMessage());
            }
        }
    }
}
