package io.wsbed.harness.replay;

import static io.wsbed.harness.replay.JdkClient.kind;
import static io.wsbed.harness.replay.ReplayRig.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.timeline.Event;
import io.wsbed.stack.api.Messages;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Each fault as a real client (the JDK's WebSocket) meets it: a stream of {@code {"seq":N}} every
 * 50 ms with the fault at 0.3 s, so the client gets seq 1 to 5 and then the fault.
 */
class ReplayFaultsTest {
    private static final Duration SOON = Duration.ofSeconds(3);

    private static Recording stream() {
        List<RecordedFrame> frames = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            frames.add(new RecordedFrame(i * 50_000L, i * 50_000L, Peer.SERVER, Frame.text(Messages.seq(i))));
        }
        return new Recording(new RecordingHeader("client", "ws://127.0.0.1:1/ws", 0, null), frames, Optional.empty());
    }

    private static List<String> texts(JdkClient c) {
        return c.all().stream().filter(kind("text")).map(JdkClient.Got::text).toList();
    }

    private static final List<String> BEFORE = List.of(Messages.seq(1), Messages.seq(2), Messages.seq(3), Messages.seq(4),
            Messages.seq(5));

    @Test
    void crashDropsTheConnectionWithoutACloseFrame() throws Exception {
        ReplayEvents events = ReplayRig.quietEvents();
        try (ReplayServer replay = ReplayRig.serve(stream(), ReplayFault.parse("crash@0.3"), 1.0, events);
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            // 1006 cannot travel in a Close frame (RFC 6455 section 7.4.1): the JDK reports it for a
            // connection that ended without one.
            JdkClient.Got close = client.await(kind("close").or(kind("error")), SOON, "the end of the connection");
            assertEquals(1006, close.code(), "told of an abnormal closure: " + client.describe());
            assertEquals(BEFORE, texts(client), "the frames before the fault, none after");
        }
        Event close = events(events, "close").get(0);
        assertEquals(1006L, close.num("code", 0));
        assertTrue(close.flag("local"));
        Event fault = events(events, "fault").get(0);
        assertEquals("harness", fault.source());
        assertEquals("crash", fault.str("kind"));
        assertEquals(300_000L, fault.num("at_us", 0));
    }

    @Test
    void resetEndsTheConnectionWithAnRst() throws Exception {
        try (ReplayServer replay = ReplayRig.serve(stream(), ReplayFault.parse("reset@0.3"), 1.0, ReplayRig.quietEvents());
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            JdkClient.Got error = client.await(kind("error"), SOON, "error after the reset");
            assertTrue(error.text().toLowerCase(java.util.Locale.ROOT).contains("reset"), "the client is told of a reset: "
                    + error.text());
            assertEquals(BEFORE, texts(client));
        }
    }

    @Test
    void closeSendsTheCodeAndEndsAfterTheClientsAnswer() throws Exception {
        ReplayEvents events = ReplayRig.quietEvents();
        try (ReplayServer replay = ReplayRig.serve(stream(), ReplayFault.parse("close:4001@0.3"), 1.0, events);
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            JdkClient.Got close = client.await(kind("close"), SOON, "the Close");
            assertEquals(4001, close.code());
            assertEquals("wsbed replay: fault", close.text());
            assertEquals(BEFORE, texts(client));
            awaitEvent(events, "close");
        }
        Event close = events(events, "close").get(0);
        assertEquals(4001L, close.num("code", 0));
        assertTrue(close.flag("local"), "the replay began the close");
    }

    @Test
    void stallSendsNothingAndAnswersNothingButKeepsTheConnection() throws Exception {
        ReplayEvents events = ReplayRig.quietEvents();
        try (ReplayServer replay = ReplayRig.serve(stream(), ReplayFault.parse("stall@0.3"), 1.0, events);
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            awaitEvent(events, "fault");
            client.socket().sendPing(ByteBuffer.wrap(new byte[] {1})).get(2, TimeUnit.SECONDS);
            assertTrue(client.poll(g -> !g.kind().equals("text"), Duration.ofMillis(800)).isEmpty(),
                    "no pong, no close, no error: " + client.describe());
            client.socket().sendText("{\"seq\":1}", true).get(2, TimeUnit.SECONDS);
            assertEquals(BEFORE, texts(client));
            assertTrue(events(events, "close").isEmpty(), "the connection is kept");
        }
    }

    @Test
    void idleSendsNoMoreMessagesButAnswersPingsAndTheClose() throws Exception {
        ReplayEvents events = ReplayRig.quietEvents();
        try (ReplayServer replay = ReplayRig.serve(stream(), ReplayFault.parse("idle@0.3"), 1.0, events);
             JdkClient client = JdkClient.connect(replay.url().toString())) {
            awaitEvent(events, "fault");
            client.socket().sendPing(ByteBuffer.wrap(new byte[] {1})).get(2, TimeUnit.SECONDS);
            client.await(kind("pong"), SOON, "a pong from the idle server");
            assertTrue(client.poll(kind("text").and(g -> !BEFORE.contains(g.text())), Duration.ofMillis(500)).isEmpty(),
                    "no message after the fault: " + client.describe());
            client.socket().sendClose(1000, "done").get(2, TimeUnit.SECONDS);
            assertEquals(1000, client.await(kind("close"), SOON, "the Close answered").code());
            awaitEvent(events, "close");
        }
        Event close = events(events, "close").get(0);
        assertEquals(1000L, close.num("code", 0));
        assertEquals(false, close.flag("local"), "the client began the close");
    }

    private static void awaitEvent(ReplayEvents events, String ev) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (events(events, ev).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "no '" + ev + "' event within " + SOON.toMillis() + " ms: "
                    + events.events());
            Thread.sleep(10);
        }
    }
}
