package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.MessageSizeChecker;
import io.wsbed.harness.schedule.SendBig;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Side;
import io.wsbed.harness.schedule.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Text messages of 64 KiB, 1 MiB and 16 MiB, each sent once by the client and once by the
 * server, with every library's message limits as shipped: accepted, refused with 1009, closed
 * with another code, silently dropped, or a process died. A size that ends the session or a
 * process is followed by a reconnect (or a restart) before the next one.
 */
public final class MessageSize implements Scenario {
    /** The sizes, in the order they are sent. */
    public static final List<Integer> SIZES = List.of(64 * 1024, 1024 * 1024, 16 * 1024 * 1024);
    /** How long a receiver has to report a message (or either side to be told of a close) before it counts as dropped. */
    static final long BOUND_MS = 5_000;

    @Override
    public String id() {
        return "message-size";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    /** Limits as shipped: the heartbeat profile changes no message limit, so its cells would repeat these. */
    @Override
    public List<Profile> profiles() {
        return List.of(Profile.DEFAULT);
    }

    @Override
    public String description() {
        return "Text messages of 64 KiB, 1 MiB and 16 MiB, sent once each way, with the libraries' limits as shipped.";
    }

    @Override
    public String measures() {
        return "accepted: how many of the six messages (three sizes, each way) the receiver reported; each case's"
                + " outcome (accepted, refused-1009, closed-<code>, error, send-refused, dropped, died) and its ms from"
                + " the send to the receiver's report or the first close.";
    }

    @Override
    public List<String> reports() {
        return List.of("accepted", "<c2s|s2c>_<size>_outcome", "<c2s|s2c>_<size>_ms");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().quiet(Setup.Start.OPEN);
    }

    @Override
    public List<Step> schedule(Timings t) {
        List<Step> steps = new ArrayList<>();
        for (int size : SIZES) {
            steps.add(new SendBig(Side.CLIENT, size, BOUND_MS));
            steps.add(new SendBig(Side.SERVER, size, BOUND_MS));
        }
        return steps;
    }

    /** Six sends, each a few hundred ms when it gets through; a dropped one waits out its bound. */
    @Override
    public long expectedMs(Timings timings) {
        return 6_000;
    }

    @Override
    public Checker checker() {
        return new MessageSizeChecker();
    }

    @Override
    public String keyMetric() {
        return "accepted";
    }
}
