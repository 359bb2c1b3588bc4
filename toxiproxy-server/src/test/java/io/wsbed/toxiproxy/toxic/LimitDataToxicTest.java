package io.wsbed.toxiproxy.toxic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import io.wsbed.toxiproxy.support.EmbeddedServerTest;
import io.wsbed.toxiproxy.support.Outcome;
import io.wsbed.toxiproxy.support.Peer;
import io.wsbed.toxiproxy.support.Upstream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Conformance item 20: exactly B bytes pass, then both sides get EOF; the count is per connection. */
class LimitDataToxicTest extends EmbeddedServerTest {

    @Test
    void exactlyTheLimitPassesThenBothSidesClose() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().limitData("ld", ToxicDirection.DOWNSTREAM, 100);

        for (int connection = 0; connection < 2; connection++) {
            Peer client = connect(proxy);
            Peer server = upstream.awaitPeer(WAIT);
            server.write(new byte[60]);
            server.write(new byte[60]);
            server.write(new byte[60]);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            assertEquals(Outcome.EOF, client.drainUntilClosed(WAIT, received));
            assertEquals(100, received.size(), "connection " + connection + " gets a fresh, exact allowance");
            assertEquals(Outcome.EOF, server.drainUntilClosed(WAIT, null), "the server side is closed too");
        }
    }

    @Test
    void zeroClosesOnTheFirstChunkButAnIdleLinkStaysOpen() throws Exception {
        Upstream upstream = scriptedUpstream();
        Proxy proxy = proxyTo(upstream);
        proxy.toxics().limitData("ld", ToxicDirection.UPSTREAM, 0);
        Peer client = connect(proxy);
        Peer server = upstream.awaitPeer(WAIT);

        assertEquals(Outcome.SILENT, server.poll(Duration.ofMillis(300)), "idle: still open");
        client.write("x");
        assertEquals(Outcome.EOF, server.poll(WAIT), "nothing forwarded, then closed");
        assertEquals(Outcome.EOF, client.poll(WAIT));
    }
}
