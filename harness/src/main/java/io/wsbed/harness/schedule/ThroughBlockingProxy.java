package io.wsbed.harness.schedule;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.infra.NginxProxy;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.timeline.Event;
import java.time.Duration;

/**
 * The control session is over; the same client stack starts again through a second nginx that
 * blocks the Upgrade ({@code mode}), in front of the same server, and is watched for
 * {@code windowMs}. The control client is ended by stdin EOF (marked {@code control-end}); the
 * stimulus t0 is the new client's {@code ready} line, the moment before its first connection
 * attempt, so a slow process start (a browser) costs the window nothing.
 */
public record ThroughBlockingProxy(NginxSettings.Upgrade mode, long windowMs) implements Step {
    /** The fault kind the mark carries. */
    public static final String KIND = "websocket-blocked";

    public ThroughBlockingProxy {
        if (mode == NginxSettings.Upgrade.PASS) {
            throw new IllegalArgumentException("a blocking proxy needs strip or forbid, not pass");
        }
    }

    @Override
    public void run(Stage stage) {
        RunningStack control = stage.client();
        stage.mark("control-end", "client", control.label());
        control.endInput();
        if (!control.awaitExit(Duration.ofSeconds(3))) {
            control.kill();
            control.awaitExit(Duration.ofSeconds(2));
            stage.mark("note", "text", control.label() + " did not exit within 3 s of stdin EOF and was killed");
        }
        NginxProxy blocking = stage.ctx().nginx(stage.nginxSettings().withUpgrade(mode), stage.serverPort(),
                "nginx-" + mode.id());
        RunningStack client = stage.startClientAt(blocking.port());
        Event ready = stage.ctx().awaitFrom(client.label(), 0, Duration.ZERO, "ready")
                .orElseThrow(() -> new HarnessException(client.label() + " started without a ready line"));
        long t0 = stage.faultAt(ready.tMicros(), "kind", KIND, "upgrade", mode.id(), "client", client.label(),
                "window_ms", windowMs);
        stage.ctx().sleepUntil(t0 + windowMs * 1000);
    }
}
