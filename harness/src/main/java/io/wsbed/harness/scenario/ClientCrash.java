package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.ClientCrashChecker;
import io.wsbed.harness.schedule.AwaitEnd;
import io.wsbed.harness.schedule.KillClient;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * The client is killed with SIGKILL while the server pushes messages: when is the server told,
 * what is it told, and how many pushes did it believe sent after the client was gone?
 */
public final class ClientCrash implements Scenario {

    /** Ends at the server's notice of the crash. */
    @Override
    public long expectedMs(Timings timings) {
        return timings.windowMs() / 5;
    }

    @Override
    public String id() {
        return "client-crash";
    }

    @Override
    public String keyMetric() {
        return "server_detect_ms";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    @Override
    public String description() {
        return "The client is killed with SIGKILL while the server pushes numbered messages.";
    }

    @Override
    public String measures() {
        return "server_detect_ms: ms from the SIGKILL to the server's first close, error or refused send;"
                + " server_wire_ms: when the dead client's FIN or RST reached the server's socket (with a capture),"
                + " server_reaction_ms: the server stack's time after it.";
    }

    @Override
    public List<String> reports() {
        return List.of("server_detect_ms", "server_wire_ms", "server_reaction_ms", "sends_ok_after_t0",
                "sent_ok_after_peer_gone");
    }

    @Override
    public Setup setup() {
        return Setup.flowing();
    }

    @Override
    public List<Step> schedule(Timings t) {
        // A few more ticks after detection show whether the server keeps "sending" into the dead session.
        return List.of(new KillClient(), new AwaitEnd(Side.SERVER, t.windowMs(), 0), new Pause(4 * t.tickMs()));
    }

    @Override
    public Checker checker() {
        return new ClientCrashChecker();
    }
}
