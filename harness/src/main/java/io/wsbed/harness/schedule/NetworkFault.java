package io.wsbed.harness.schedule;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.harness.HarnessException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The small vocabulary of network faults a Toxiproxy proxy can inject into a live connection,
 * each applied and undone through toxiproxy-java.
 */
public sealed interface NetworkFault {

    /** One toxiproxy-java call, which may fail with an IOException. */
    interface ProxyStep {
        void run() throws IOException;
    }

    /** Runs a toxiproxy-java call; a refusal means the harness could not inject the fault. */
    static void run(ProxyStep step, String what) {
        try {
            step.run();
        } catch (IOException e) {
            throw new HarnessException("Toxiproxy refused to " + what + ": " + e.getMessage(), e);
        }
    }

    /** The {@code kind} of the fault mark: the scenario's name for this fault. */
    String kind();

    /**
     * Whether the stacks hear of the fault at once (a reset, a proxy that refuses): then it takes a
     * turn beside other cells ({@link Step#takesTurn()}); a blackhole or a latency is noticed by a
     * timer later.
     */
    default boolean noticedAtOnce() {
        return false;
    }

    /** Further fields of the fault mark (none for most faults). */
    default Map<String, Object> markFields() {
        return Map.of();
    }

    /** Prepares the proxy before the client connects (most faults need nothing). */
    default void arm(Proxy proxy) throws IOException {
    }

    /** Injects the fault: the stimulus, at t0. */
    void apply(Proxy proxy) throws IOException;

    /** Takes the fault away: the network recovers. */
    void recover(Proxy proxy) throws IOException;

    /**
     * Data is dropped silently both ways, no FIN, no RST: a timeout toxic with timeout 0 per
     * direction. Removing it makes Toxiproxy close the affected connections.
     */
    record Blackhole() implements NetworkFault {
        @Override
        public String kind() {
            return "network-blackhole";
        }

        @Override
        public void apply(Proxy proxy) throws IOException {
            proxy.toxics().timeout("blackhole-up", ToxicDirection.UPSTREAM, 0);
            proxy.toxics().timeout("blackhole-down", ToxicDirection.DOWNSTREAM, 0);
        }

        @Override
        public void recover(Proxy proxy) throws IOException {
            proxy.toxics().get("blackhole-up").remove();
            proxy.toxics().get("blackhole-down").remove();
        }
    }

    /**
     * A TCP reset of both legs. Toxiproxy sends RST only on connections opened while a
     * reset_peer toxic exists (it sets SO_LINGER 0 on them whatever the toxicity), so the toxic is
     * armed with toxicity 0 before the client connects and switched to 1 at t0: it then takes the
     * next chunk and resets the connection.
     */
    record ResetPeer() implements NetworkFault {
        @Override
        public boolean noticedAtOnce() {
            return true;
        }

        @Override
        public String kind() {
            return "network-reset";
        }

        @Override
        public void arm(Proxy proxy) throws IOException {
            proxy.toxics().resetPeer("reset", ToxicDirection.DOWNSTREAM, 0).setToxicity(0f);
        }

        @Override
        public void apply(Proxy proxy) throws IOException {
            proxy.toxics().get("reset").setToxicity(1f);
        }

        @Override
        public void recover(Proxy proxy) throws IOException {
            proxy.toxics().get("reset").remove();
        }
    }

    /** The proxy is disabled (connections closed, new ones refused) and enabled again. */
    record ProxyDown() implements NetworkFault {
        @Override
        public boolean noticedAtOnce() {
            return true;
        }

        @Override
        public String kind() {
            return "proxy-down";
        }

        @Override
        public void apply(Proxy proxy) throws IOException {
            proxy.disable();
        }

        @Override
        public void recover(Proxy proxy) throws IOException {
            proxy.enable();
        }
    }

    /**
     * Latency of {@code latencyMs} on each direction, removed at recovery; {@code spikeMs} is how
     * long the schedule keeps it (recorded in the fault mark for the checker).
     */
    record Latency(long latencyMs, long spikeMs) implements NetworkFault {
        @Override
        public String kind() {
            return "latency-spike";
        }

        @Override
        public Map<String, Object> markFields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("latency_ms", latencyMs);
            m.put("spike_ms", spikeMs);
            return m;
        }

        @Override
        public void apply(Proxy proxy) throws IOException {
            proxy.toxics().latency("spike-up", ToxicDirection.UPSTREAM, latencyMs);
            proxy.toxics().latency("spike-down", ToxicDirection.DOWNSTREAM, latencyMs);
        }

        @Override
        public void recover(Proxy proxy) throws IOException {
            proxy.toxics().get("spike-up").remove();
            proxy.toxics().get("spike-down").remove();
        }
    }
}
