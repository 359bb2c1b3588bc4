package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.LatencySpikeChecker;
import io.wsbed.harness.schedule.Hold;
import io.wsbed.harness.schedule.InjectNetworkFault;
import io.wsbed.harness.schedule.NetworkFault;
import io.wsbed.harness.schedule.Pause;
import io.wsbed.harness.schedule.RecoverNetwork;
import io.wsbed.harness.schedule.Setup;
import io.wsbed.harness.schedule.Step;
import java.util.List;

/**
 * A healthy connection turns slow: each direction gets latency of the heartbeat timeout plus one
 * second, for twice the heartbeat timeout, then the latency is removed and queued data flows. Is
 * the slow but healthy connection wrongly dropped, and does every message still arrive?
 */
public final class LatencySpike implements Scenario {

    /** Most of the window: the schedule waits out a proxy timeout or a held fault. */
    @Override
    public long expectedMs(Timings timings) {
        return timings.windowMs() * 3 / 4;
    }

    @Override
    public String id() {
        return "latency-spike";
    }

    @Override
    public List<NetworkPath> paths() {
        return List.of(NetworkPath.TOXIPROXY);
    }

    @Override
    public String keyMetric() {
        return "client_detect_ms";
    }

    @Override
    public String measures() {
        return "client_detect_ms: ms from adding the latency to the client's first close, error or refused send,"
                + " if the slow connection was dropped at all.";
    }

    @Override
    public String description() {
        return "Latency above the heartbeat timeout on both directions for a while, then removed.";
    }

    @Override
    public List<String> reports() {
        return List.of("dropped", "client_detect_ms", "server_detect_ms", "silent_loss", "latency_ms", "spike_ms");
    }

    @Override
    public Setup setup() {
        return Setup.flowing();
    }

    @Override
    public List<Step> schedule(Timings t) {
        long latencyMs = t.heartbeatTimeoutMs() + 1000;
        long spikeMs = 2 * t.heartbeatTimeoutMs();
        // Removing latency flushes what it held; let the delayed messages land.
        return List.of(new InjectNetworkFault(new NetworkFault.Latency(latencyMs, spikeMs)), new Hold(spikeMs),
                new RecoverNetwork(), new Pause(latencyMs + 500));
    }

    @Override
    public Checker checker() {
        return new LatencySpikeChecker();
    }
}
