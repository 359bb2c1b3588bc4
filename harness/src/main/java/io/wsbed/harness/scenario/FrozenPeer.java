package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.FrozenPeerChecker;
import io.wsbed.harness.schedule.AwaitResume;
import io.wsbed.harness.schedule.FreezePeer;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * A peer stops answering without closing (a GC pause, a frozen VM, a suspended laptop): one side's
 * process tree is held with SIGSTOP for freeze_ms, longer than the heartbeat deadline, then
 * continued. {@code frozen-server} freezes the server stack (the reference client watches),
 * {@code frozen-client} the client stack (the reference server watches). The client does not
 * reconnect: the question is what becomes of the session that was open.
 */
public final class FrozenPeer implements Scenario {
    private final Side frozen;

    private FrozenPeer(Side frozen) {
        this.frozen = frozen;
    }

    public static FrozenPeer server() {
        return new FrozenPeer(Side.SERVER);
    }

    public static FrozenPeer client() {
        return new FrozenPeer(Side.CLIENT);
    }

    private Side watcher() {
        return frozen == Side.SERVER ? Side.CLIENT : Side.SERVER;
    }

    @Override
    public String id() {
        return "frozen-" + frozen.id();
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    /** The freeze, a short wait after the thaw and the set-up. */
    @Override
    public long expectedMs(Timings timings) {
        return timings.freezeMs() + 2 * timings.heartbeatMs() + 1500;
    }

    @Override
    public String keyMetric() {
        return watcher().id() + "_detect_ms";
    }

    @Override
    public String description() {
        return "The " + frozen.id() + " process is stopped with SIGSTOP while messages flow both ways, longer than"
                + " the heartbeat deadline, then continued with SIGCONT; the client does not reconnect.";
    }

    @Override
    public String measures() {
        return watcher().id() + "_detect_ms: ms from the SIGSTOP to the watching " + watcher().id()
                + "'s first close, error or refused send; frozen_told_after_thaw_ms: ms from the SIGCONT to the frozen "
                + frozen.id() + "'s; resumed: 1 when both sides received messages on the same session after the thaw"
                + " and neither was told it ended; lost_before_freeze: messages sent ok before the SIGSTOP that never"
                + " arrived.";
    }

    @Override
    public List<String> reports() {
        return List.of(watcher().id() + "_detect_ms", "frozen_told_after_thaw_ms", "resumed", "recv_after_thaw",
                "lost_before_freeze", "silent_loss");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withReconnect("none");
    }

    @Override
    public List<Step> schedule(Timings t) {
        // After the thaw: until messages flow again or both sides were told (bounded), then two more
        // heartbeat periods, in which a frozen side's own heartbeat may still give up on the session.
        return List.of(new FreezePeer(frozen, t.freezeMs()), new AwaitResume(t.boundMs(), 3),
                new Pause(2 * t.heartbeatMs()));
    }

    @Override
    public Checker checker() {
        return new FrozenPeerChecker(frozen);
    }
}
