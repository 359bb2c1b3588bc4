package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conformance item 21: toxicity is drawn per connection and direction, 0 never and 1 always
 * applies, about half at 0.5, consistent within a connection; with a seed the draws repeat.
 */
class ToxicityTest extends EmbeddedServerTest {
    private static final int CONNECTIONS = 40;

    @Override
    protected Long seed() {
        return 42L;
    }

    @Test
    void zeroNeverAppliesAndOneAlwaysApplies() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 0).setToxicity(0f);
        assertEquals(0, appliedPattern(proxy, 10).stream().filter(b -> b).count());
        proxy.toxics().get("cut").setToxicity(1f);
        assertEquals(10, appliedPattern(proxy, 10).stream().filter(b -> b).count());
    }

    @Test
    void halfToxicityAppliesToAboutHalfTheConnectionsAndRepeatsWithTheSeed() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 0).setToxicity(0.5f);
        List<Boolean> first = appliedPattern(proxy, CONNECTIONS);
        long applied = first.stream().filter(b -> b).count();
        assertTrue(applied >= CONNECTIONS / 5 && applied <= CONNECTIONS * 4 / 5, "about half applied: " + first);

        server.close();
        server = io.wsbed.toxiproxy.ToxiproxyServer.start("127.0.0.1", 0, seed());
        client = new eu.rekawek.toxiproxy.ToxiproxyClient("127.0.0.1", server.port());
        Proxy again = proxyTo(upstream);
        again.toxics().limitData("cut", ToxicDirection.DOWNSTREAM, 0).setToxicity(0.5f);
        assertEquals(first, appliedPattern(again, CONNECTIONS), "the same seed gives the same draws");
    }

    @Test
    void theChoiceIsStableWithinAConnection() throws Exception {
        Upstream upstream = echoUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 150).setToxicity(0.5f);
        for (int c = 0; c < 4; c++) {
            Peer peer = connect(proxy);
            List<Boolean> slow = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                peer.write("x");
                peer.readExactly(1, WAIT);
                slow.add(millisSince(start) >= 140);
            }
            assertTrue(slow.stream().distinct().count() == 1, "connection " + c + " is consistently slow or fast: " + slow);
        }
    }

    /** For each of {@code count} fresh connections: did limit_data 0 cut the echo? */
    private List<Boolean> appliedPattern(Proxy proxy, int count) throws Exception {
        List<Boolean> pattern = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (Peer peer = Peer.connect(port(proxy))) {
                peer.write("?");
                Outcome outcome = peer.poll(Duration.ofSeconds(2));
                assertTrue(outcome == Outcome.DATA || outcome == Outcome.EOF, "echo or cut, got " + outcome);
                pattern.add(outcome == Outcome.EOF);
            }
        }
        return pattern;
    }
}
