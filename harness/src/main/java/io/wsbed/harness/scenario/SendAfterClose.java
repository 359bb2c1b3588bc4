package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.SendAfterCloseChecker;
import io.wsbed.harness.schedule.AwaitPair;
import io.wsbed.harness.schedule.CloseSession;
import io.wsbed.harness.schedule.KillClient;
import io.wsbed.harness.schedule.KillServer;
import io.wsbed.harness.schedule.SendOnce;
import io.wsbed.harness.schedule.SendUntilRefused;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.StartClient;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * The application sends on a session that is gone, in both roles and at three moments: after it
 * closed the session itself, after the peer closed it cleanly, and right after the peer was
 * killed (before or while the stack notices). Records what the send API answered and how long
 * the application waited for that answer.
 */
public final class SendAfterClose implements Scenario {

    @Override
    public String id() {
        return "send-after-close";
    }

    @Override
    public String keyMetric() {
        return "told_sends";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    @Override
    public String measures() {
        return "told_sends: how many of the cases' sends on a gone session the stack refused (the rest it reported"
                + " as sent); each case's told_ms is the send API's answer time.";
    }

    @Override
    public String description() {
        return "Both roles send after a local close, after a clean close by the peer, and right after the peer was killed.";
    }

    @Override
    public List<String> reports() {
        return List.of("<role>_<moment>_outcome", "<role>_<moment>_told_ms");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().quiet(Setup.Start.NOTHING);
    }

    @Override
    public List<Step> schedule(Timings t) {
        long keepSending = Math.min(t.windowMs(), 5_000);
        return List.of(
                // 1. The client closes: the client sends after its local close, the server after the remote close.
                new AwaitPair(), new CloseSession(Side.CLIENT),
                new SendOnce(Side.CLIENT, "local-close"), new SendOnce(Side.SERVER, "remote-close"),
                // 2. The server closes (the client has reconnected): the reverse.
                new AwaitPair(), new CloseSession(Side.SERVER),
                new SendOnce(Side.SERVER, "local-close"), new SendOnce(Side.CLIENT, "remote-close"),
                // 3. The client is killed: the server sends at once, until a send is refused.
                new AwaitPair(), new KillClient(), new SendUntilRefused(Side.SERVER, keepSending),
                // 4. A fresh client; the server is killed: the client sends at once.
                new StartClient(), new AwaitPair(), new KillServer(), new SendUntilRefused(Side.CLIENT, keepSending));
    }

    @Override
    public Checker checker() {
        return new SendAfterCloseChecker();
    }
}
