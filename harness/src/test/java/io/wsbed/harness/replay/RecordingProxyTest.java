package io.wsbed.harness.replay;

import static io.wsbed.harness.replay.JdkClient.kind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.WsUrl;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real client (JDK) through the recording proxy to a real server (Jetty): both directions recorded, nothing changed. */
class RecordingProxyTest {
    @TempDir
    Path dir;

    @Test
    void bothDirectionsOfARealClientsSessionAreRecordedAndPassedOnUnchanged() throws Exception {
        Path file = dir.resolve("proxied.jsonl");
        CountDownLatch ended = new CountDownLatch(1);
        try (JettyScript jetty = new JettyScript().text(100, "{\"seq\":1}").start();
             RecordingProxy proxy = RecordingProxy.start(new InetSocketAddress("127.0.0.1", 0), WsUrl.parse(jetty.url()),
                     file, ended::countDown)) {
            try (JdkClient client = JdkClient.connect(proxy.url().toString())) {
                client.await(kind("text"), Duration.ofSeconds(3), "the server's first message");
                client.socket().sendText("hello", true).get(2, TimeUnit.SECONDS);
                client.await(g -> "echo:hello".equals(g.text()), Duration.ofSeconds(3), "the echo through the proxy");
                client.socket().sendClose(1000, "bye").get(2, TimeUnit.SECONDS);
                assertEquals(1000, client.await(kind("close"), Duration.ofSeconds(3), "the server's Close").code());
            }
            assertTrue(ended.await(5, TimeUnit.SECONDS), "the proxied session did not end: " + proxy.summary());
        }
        Recording r = RecordingReader.read(file);
        assertEquals("proxy", r.header().mode());
        assertEquals(List.of(Frame.text("{\"seq\":1}"), Frame.text("echo:hello"), Frame.close(1000, "bye")),
                ReplayRig.frames(r, Peer.SERVER));
        assertEquals(List.of(Frame.text("hello"), Frame.close(1000, "bye")), ReplayRig.frames(r, Peer.CLIENT));
        RecordingEnd end = r.end().orElseThrow();
        assertEquals(RecordingEnd.How.CLOSE, end.how());
        assertEquals(Peer.CLIENT, end.by());
        assertEquals(1000, end.code());
        assertEquals("bye", end.reason());
    }
}
