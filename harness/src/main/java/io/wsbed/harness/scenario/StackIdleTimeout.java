package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.StackIdleChecker;
import io.wsbed.harness.schedule.AwaitEnd;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.QuietSession;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * A direct connection carries no messages while one stack has its own idle timeout set through its
 * own API (--idle-timeout-ms stack_idle_timeout_ms): {@code server-idle-timeout} sets the server
 * stack's (the reference client is quiet), {@code client-idle-timeout} the client stack's (the
 * reference server is quiet). Which close code does each side get, after how long, and in the
 * heartbeat profile do the pings and pongs keep the session open?
 */
public final class StackIdleTimeout implements Scenario {
    /** How long the cell still records after both sides were told (or the window ran out). */
    private static final long AFTER_END_MS = 300;
    private final Side owner;

    private StackIdleTimeout(Side owner) {
        this.owner = owner;
    }

    public static StackIdleTimeout server() {
        return new StackIdleTimeout(Side.SERVER);
    }

    public static StackIdleTimeout client() {
        return new StackIdleTimeout(Side.CLIENT);
    }

    private Side peer() {
        return owner == Side.SERVER ? Side.CLIENT : Side.SERVER;
    }

    private static long windowMs(Timings t) {
        return t.stackIdleTimeoutMs() + t.boundMs();
    }

    @Override
    public String id() {
        return owner.id() + "-idle-timeout";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    @Override
    public long expectedMs(Timings timings) {
        return windowMs(timings) + 1000;
    }

    @Override
    public String keyMetric() {
        return peer().id() + "_detect_ms";
    }

    @Override
    public String description() {
        return "No messages on a direct connection while the " + owner.id() + " stack has its own idle timeout"
                + " (--idle-timeout-ms); pings as the profile says.";
    }

    @Override
    public String measures() {
        return peer().id() + "_detect_ms: ms from the later open callback (the handshake, the last traffic) to the "
                + peer().id() + "'s first close or error; kept_open: 1 when neither side was told within"
                + " stack_idle_timeout_ms + detect_bound_ms.";
    }

    @Override
    public List<String> reports() {
        return List.of("kept_open", "client_detect_ms", "server_detect_ms");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().withReconnect("none").quiet(Setup.Start.OPEN).withIdleTimeout(owner);
    }

    @Override
    public List<Step> schedule(Timings t) {
        long window = windowMs(t);
        // The pause keeps what follows a first error (the close event with its code) in the observation.
        return List.of(new QuietSession(owner, t.stackIdleTimeoutMs(), window), new AwaitEnd(peer(), window, 0),
                new AwaitEnd(owner, window, 300), new Pause(AFTER_END_MS));
    }

    @Override
    public Checker checker() {
        return new StackIdleChecker(owner);
    }
}
