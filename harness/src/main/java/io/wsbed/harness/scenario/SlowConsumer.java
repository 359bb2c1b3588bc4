package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.SlowConsumerChecker;
import io.wsbed.harness.schedule.FloodStalledClient;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * The client stops reading (SIGSTOP) while the server sends 1 KiB messages as fast as its send
 * API takes them, for a bounded time, with the server's heap limited to the same size on every
 * stack: does the server block, refuse, cut the client, or queue until it runs out of memory?
 */
public final class SlowConsumer implements Scenario {
    /** The server's memory limit in this scenario, equal for every stack (JVM: -Xmx), stated in the run header. */
    public static final int SERVER_MEMORY_MIB = 128;
    /** Size of each flood message. */
    static final int MESSAGE_BYTES = 1024;
    /** How long the server floods. */
    static final long FLOOD_MS = 4_000;

    @Override
    public String id() {
        return "slow-consumer";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.DIRECT);
    }

    /**
     * The default profile only: the stopped client answers no ping, so in the heartbeat profile the
     * cell would measure the frozen-peer deadline (frozen-client's question), not the send queue.
     */
    @Override
    public List<Profile> profiles() {
        return List.of(Profile.DEFAULT);
    }

    @Override
    public String description() {
        return "The client stops reading (SIGSTOP) while the server sends 1 KiB messages as fast as its send API allows"
                + " for " + FLOOD_MS + " ms, its heap limited to " + SERVER_MEMORY_MIB + " MiB.";
    }

    @Override
    public String measures() {
        return "rss_growth_mib_s: the server's resident memory growth (MiB/s) from the client's stop to its peak during"
                + " the flood; with rss_start/peak/end_mib, the send calls ok / blocked (over 100 ms) / failed / pending,"
                + " when and with what the server cut the client, and an out-of-memory death.";
    }

    @Override
    public List<String> reports() {
        return List.of("rss_growth_mib_s", "rss_start_mib", "rss_peak_mib", "rss_end_mib", "calls", "ok", "blocked",
                "failed", "pending", "accepted_last_s", "cut_ms", "died_ms");
    }

    @Override
    public Setup setup() {
        return Setup.flowing().quiet(Setup.Start.OPEN).withServerMemoryMib(SERVER_MEMORY_MIB);
    }

    @Override
    public List<Step> schedule(Timings t) {
        return List.of(new FloodStalledClient(MESSAGE_BYTES, FLOOD_MS));
    }

    @Override
    public Checker checker() {
        return new SlowConsumerChecker();
    }

    @Override
    public String keyMetric() {
        return "rss_growth_mib_s";
    }

    @Override
    public long expectedMs(Timings timings) {
        return FLOOD_MS + 2_000;
    }

    /** The flood keeps a core busy and may fill the heap: beside other cells it would disturb their times. */
    @Override
    public boolean runsAlone() {
        return true;
    }
}
