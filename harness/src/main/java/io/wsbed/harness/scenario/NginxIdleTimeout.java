package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.NginxIdleChecker;
import io.wsbed.harness.schedule.AwaitEnd;
import io.wsbed.harness.schedule.GoQuiet;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Setup.Pings;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * A connection through nginx carries no messages for three proxy_read_timeouts. Variants: pings
 * as the profile says (none in default, both sides in heartbeat), only the server pings, only
 * the client pings (the server's automatic pongs are then the only upstream traffic). Reports
 * whether it survived and, if nginx cut it (FIN on both legs, no Close frame), when each side
 * was told and what.
 */
public final class NginxIdleTimeout implements Scenario {
    private final String id;
    private final Pings server;
    private final Pings client;

    private NginxIdleTimeout(String id, Pings server, Pings client) {
        this.id = id;
        this.server = server;
        this.client = client;
    }

    public static NginxIdleTimeout asProfile() {
        return new NginxIdleTimeout("nginx-idle-timeout", Pings.PROFILE, Pings.PROFILE);
    }

    public static NginxIdleTimeout serverPings() {
        return new NginxIdleTimeout("nginx-idle-timeout-server-ping", Pings.ALWAYS, Pings.NEVER);
    }

    public static NginxIdleTimeout clientPings() {
        return new NginxIdleTimeout("nginx-idle-timeout-client-ping", Pings.NEVER, Pings.ALWAYS);
    }

    private boolean asProfiled() {
        return server == Pings.PROFILE;
    }

    /** Most of the window: the schedule waits out a proxy timeout or a held fault. */
    @Override
    public long expectedMs(Timings timings) {
        return timings.windowMs() * 3 / 4;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<NetworkPath> paths() {
        return asProfiled() ? List.of(NetworkPath.NGINX, NetworkPath.WSS) : List.of(NetworkPath.NGINX);
    }

    @Override
    public List<Profile> profiles() {
        return asProfiled() ? List.of(Profile.DEFAULT, Profile.HEARTBEAT) : List.of(Profile.HEARTBEAT);
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String description() {
        String base = "No messages through nginx for three proxy_read_timeouts; ";
        if (asProfiled()) {
            return base + "pings as the profile says.";
        }
        return server == Pings.ALWAYS ? base + "only the server pings."
                : base + "only the client pings (the server's automatic pongs are the only upstream traffic).";
    }

    @Override
    public String measures() {
        return "client_detect_ms: ms from the last byte on the wire before nginx's cut (with a capture;"
                + " last_byte_wire_ms says how long before the open callback it was), or else from the later open"
                + " callback, to the client's first close or error. nginx moves its read timer only by 300 ms or more"
                + " (NGX_TIMER_LAZY_DELAY), so it may cut up to 300 ms before proxy_read_timeout after the last byte:"
                + " after a 101 that came within 300 ms, the timer runs from the request nginx sent upstream."
                + " Through nginx (plain or wss) also handshake_ms, the client's ready to its first open, and after a"
                + " reconnect reconnect_handshake_ms (README, the wss path).";
    }

    @Override
    public List<String> reports() {
        return List.of("survived", "client_detect_ms", "server_detect_ms", "last_byte_wire_ms", "client_reaction_ms",
                "server_reaction_ms");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withReconnect("none").pings(server, client).quiet(Setup.Start.OPEN);
    }

    @Override
    public List<Step> schedule(Timings t) {
        long windowMs = 3 * t.nginxReadTimeoutMs();
        return List.of(new GoQuiet(windowMs, t.nginxReadTimeoutMs()), new AwaitEnd(Side.CLIENT, windowMs, 0),
                new AwaitEnd(Side.SERVER, windowMs, 300));
    }

    @Override
    public Checker checker() {
        String pings = asProfiled() ? "profile" : server == Pings.ALWAYS ? "server-only" : "client-only";
        return new NginxIdleChecker(pings, !asProfiled());
    }
}
