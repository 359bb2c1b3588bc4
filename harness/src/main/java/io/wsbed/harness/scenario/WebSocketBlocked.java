package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.PollFallbackChecker;
import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.check.WebSocketBlockedChecker;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import io.wsbed.harness.schedule.ThroughBlockingProxy;
import io.wsbed.harness.stack.StackInfo;
import java.util.List;

/**
 * A proxy in the path refuses the WebSocket Upgrade: nginx without the Upgrade headers
 * ({@code websocket-blocked}: the server sees a plain GET) or answering the Upgrade with 403
 * ({@code websocket-blocked-403}); plain HTTP passes both. The cell first runs the client through
 * an open nginx (the control session, messages flowing over WebSocket), then starts the same client
 * stack again through the blocking nginx in front of the same server: how fast does it give up and
 * what does it tell the application, or does data keep flowing over another transport, and at what
 * round trip against the control session's?
 */
public final class WebSocketBlocked implements Scenario {
    /** How long the control session runs through the open proxy after messages flow both ways. */
    public static final long CONTROL_MS = 1000;
    /** How long the client is watched through the blocking proxy, from its ready line. */
    public static final long BLOCKED_MS = 4000;

    private final String id;
    private final NginxSettings.Upgrade mode;
    private final String reconnect;

    /**
     * @param id the scenario's stable id
     * @param mode what the blocking proxy does with the Upgrade (strip or forbid)
     * @param reconnect the client's reconnect mode (as {@link Setup#reconnect()})
     */
    public WebSocketBlocked(String id, NginxSettings.Upgrade mode, String reconnect) {
        if (mode == NginxSettings.Upgrade.PASS) {
            throw new IllegalArgumentException("websocket-blocked needs a proxy that blocks: strip or forbid");
        }
        this.id = id;
        this.mode = mode;
        this.reconnect = reconnect;
    }

    /** nginx drops Upgrade and Connection: the server answers a plain GET. */
    public static WebSocketBlocked strip() {
        return new WebSocketBlocked("websocket-blocked", NginxSettings.Upgrade.STRIP, "backoff");
    }

    /** As {@link #strip()}, the client in {@code --reconnect poll-fallback}: does GET /poll keep data coming? */
    public static WebSocketBlocked stripPollFallback() {
        return new WebSocketBlocked("websocket-blocked-poll-fallback", NginxSettings.Upgrade.STRIP, PollFallback.MODE);
    }

    /** nginx answers the Upgrade with 403 itself. */
    public static WebSocketBlocked forbid() {
        return new WebSocketBlocked("websocket-blocked-403", NginxSettings.Upgrade.FORBID, "backoff");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.NGINX);
    }

    /** The question is about the client and the proxy; the stacks run as shipped. */
    @Override
    public List<Profile> profiles() {
        return List.of(Profile.DEFAULT);
    }

    @Override
    public String description() {
        return (mode == NginxSettings.Upgrade.STRIP
                ? "A proxy drops the Upgrade and Connection headers (the server sees a plain GET)"
                : "A proxy answers every WebSocket Upgrade with 403")
                + "; plain HTTP still passes. After a control session through an open nginx, the client starts again"
                + " through the blocking one with --reconnect " + reconnect + ".";
    }

    private boolean pollFallback() {
        return reconnect.equals(PollFallback.MODE);
    }

    @Override
    public String skipReason(StackInfo server, StackInfo client, NetworkPath path, Infrastructure infra) {
        String noPoll = pollFallback() ? PollFallback.skipReason(server, client) : null;
        return noPoll != null ? noPoll : Scenario.super.skipReason(server, client, path, infra);
    }

    @Override
    public String measures() {
        String own = measuresBlocked();
        return pollFallback() ? PollFallback.measures(own) : own;
    }

    private static String measuresBlocked() {
        return "gave_up_ms: ms from the blocked client's ready line (just before its first connection attempt) to the"
                + " first error or close it reported to its application, within the " + BLOCKED_MS + " ms watched;"
                + " told: that error's text or close; attempts: its first attempt plus each reconnect whose delay ended"
                + " in the window; data_flowed, delivered (pushes received) and transport: what came through the blocking"
                + " proxy; latency_p50_ms/latency_p95_ms: echo round trips there (from the send call, the sent event less"
                + " its latency_us, to the echo of that seq), ws_latency_p50_ms/ws_latency_p95_ms: the same in the control"
                + " session over WebSocket (" + CONTROL_MS + " ms through the open nginx; socket.io: after its upgrade).";
    }

    @Override
    public List<String> reports() {
        List<String> own = List.of("gave_up_ms", "attempts", "data_flowed", "delivered", "latency_p50_ms", "latency_p95_ms",
                "ws_latency_p50_ms", "ws_latency_p95_ms");
        return pollFallback() ? PollFallback.reports(own) : own;
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withReconnect(reconnect);
    }

    @Override
    public List<Step> schedule(Timings timings) {
        return List.of(new Pause(CONTROL_MS), new ThroughBlockingProxy(mode, BLOCKED_MS));
    }

    @Override
    public Checker checker() {
        Checker own = new WebSocketBlockedChecker();
        return pollFallback() ? PollFallbackChecker.forClientWithoutSession(own) : own;
    }

    @Override
    public String keyMetric() {
        return "gave_up_ms";
    }

    /** Two client starts, two nginx, the control session and the watched window. */
    @Override
    public long expectedMs(Timings timings) {
        return CONTROL_MS + BLOCKED_MS + 2000;
    }
}
