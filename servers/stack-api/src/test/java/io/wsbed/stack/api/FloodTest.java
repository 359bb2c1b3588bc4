package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The flood command's loop: bounded in time, counting how the send API answered. */
class FloodTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EventOut events = new EventOut(out, Clock.systemUTC());

    /** A connection whose send API answers every message at once with {@code answer}, or blocks on {@code gate}. */
    private static Connection connection(java.util.function.Consumer<SendResult> answer, CountDownLatch gate) {
        return new Connection() {
            @Override
            public void sendText(String text, SendResult result) throws Exception {
                if (gate != null) {
                    gate.await();
                }
                answer.accept(result);
            }

            @Override
            public void sendPing(ByteBuffer payload) {
            }

            @Override
            public void close(int code, String reason) {
            }

            @Override
            public void abort() {
            }
        };
    }

    private List<String> lines() {
        return List.of(out.toString(StandardCharsets.UTF_8).split("\\R"));
    }

    private String end(long waitMs) throws InterruptedException {
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            for (String l : lines()) {
                if (l.contains("\"ev\":\"flood-end\"")) {
                    return l;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no flood-end within " + waitMs + " ms: " + lines());
    }

    private static long field(String line, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(line);
        assertTrue(m.find(), name + " in " + line);
        return Long.parseLong(m.group(1));
    }

    @Test
    void anApiThatTakesEverythingIsCountedUntilTheTimeRunsOut() throws Exception {
        Session s = new Session("s1", connection(SendResult::ok, null));
        new Flood(events, s, 64, 300, x -> { }).start();
        String end = end(3_000);
        assertTrue(end.contains("\"reason\":\"time\""), end);
        assertTrue(field(end, "calls") > 0, end);
        assertEquals(field(end, "calls"), field(end, "ok"), end);
        assertEquals(0, field(end, "pending"), end);
        assertTrue(lines().get(0).contains("\"ev\":\"flood-start\""), lines().get(0));
        assertTrue(lines().stream().anyMatch(l -> l.contains("\"ev\":\"flood\"")), "a progress event every 100 ms");
    }

    @Test
    void aCallThatNeverReturnsEndsTheFloodAsStuckAfterItsTime() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Session s = new Session("s1", connection(SendResult::ok, never));
        long started = System.nanoTime();
        new Flood(events, s, 64, 200, x -> { }).start();
        String end = end(3_000);
        never.countDown();
        assertTrue(end.contains("\"reason\":\"stuck\""), end);
        assertEquals(0, field(end, "calls"), end);
        assertTrue(field(end, "in_call_ms") >= 200, end);
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2_000, "ended soon after its time");
    }

    @Test
    void aRefusedSendEndsTheFloodAndTheSession() throws Exception {
        AtomicBoolean told = new AtomicBoolean();
        Session s = new Session("s1", connection(r -> r.failed(new java.io.IOException("broken pipe")), null));
        new Flood(events, s, 64, 2_000, x -> {
            x.open = false;
            told.set(true);
        }).start();
        String end = end(3_000);
        assertTrue(end.contains("\"reason\":\"refused\""), end);
        assertEquals(1, field(end, "failed"), end);
        assertTrue(end.contains("java.io.IOException: broken pipe"), end);
        assertTrue(told.get());
        assertFalse(s.open);
    }

    @Test
    void aFloodMessageHasItsSizeAndNoReceiverReportsIt() {
        String m = Messages.flood(12, 1024);
        assertEquals(1024, m.length());
        assertEquals(-1, Messages.seqOf(m));
        assertEquals(-1, Messages.bigSeqOf(m));
    }
}
