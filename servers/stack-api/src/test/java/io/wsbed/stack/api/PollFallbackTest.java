package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The polling fallback: the ring buffer's body, and the client half against a real HTTP server on loopback. */
class PollFallbackTest {
    private static final Pattern SEQ = Pattern.compile("\\{\"seq\":(\\d+)}");

    private HttpServer server;
    private final AtomicReference<PollBuffer> buffer = new AtomicReference<>(new PollBuffer(1024, "A"));
    private final AtomicInteger requests = new AtomicInteger();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private ScheduledExecutorService timers;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(PollBuffer.PATH, exchange -> {
            requests.incrementAndGet();
            byte[] body = buffer.get().body(PollBuffer.since(exchange.getRequestURI().getQuery()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        timers = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        timers.shutdownNow();
    }

    private static List<Long> seqs(String text) {
        Matcher m = SEQ.matcher(text);
        return m.results().map(r -> Long.parseLong(r.group(1))).toList();
    }

    @Test
    void aPollSubscribesTheFeedSoTicksCountWithoutASession() {
        PollBuffer b = new PollBuffer(4, "i1");
        assertFalse(b.subscribed(), "no poll yet: a tick with no session open does not count");
        b.body(0);
        assertTrue(b.subscribed(), "a poll just answered: the feed runs for its poller");
    }

    @Test
    void bufferAnswersThePushesAfterSinceAndWhatItNoLongerHolds() {
        PollBuffer b = new PollBuffer(4, "i1");
        assertEquals("{\"instance\":\"i1\",\"next\":1,\"first\":0,\"messages\":[]}", b.body(0));
        for (long s = 1; s <= 6; s++) {
            b.add(s);
        }
        assertEquals(List.of(5L, 6L), seqs(b.body(4)));
        assertEquals(List.of(), seqs(b.body(6)));
        assertTrue(b.body(0).startsWith("{\"instance\":\"i1\",\"next\":7,\"first\":3,"), b.body(0));
        assertEquals(List.of(3L, 4L, 5L, 6L), seqs(b.body(0)));
        // A client that knew a later seq (another instance) gets everything the ring holds.
        assertEquals(List.of(3L, 4L, 5L, 6L), seqs(b.body(40)));
        assertEquals(List.of(12L, 0L, -1L, -1L, -1L), Arrays.stream(new String[] {"since=12", "a=1&since=0", "since=x", "", null})
                .map(PollBuffer::since).toList());
    }

    private PollFallback fallback(long pollMs) {
        URI ws = URI.create("ws://127.0.0.1:" + server.getAddress().getPort() + "/ws");
        return new PollFallback(new EventOut(out, Clock.systemUTC()), timers, PollFallback.newHttpClient(1000), ws, pollMs,
                1000, null);
    }

    /** The server pushed seqs 1..n and the socket delivered each. */
    private void pushedOnSocket(PollFallback f, long n) {
        for (long s = 1; s <= n; s++) {
            buffer.get().add(s);
            f.seenOnSocket(s);
        }
    }

    private String events() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Long> polled() {
        return events().lines().filter(l -> l.contains("\"ev\":\"recv\"") && l.contains("\"via\":\"poll\""))
                .map(l -> seqs(l.replaceAll(".*\"seq\":(\\d+).*", "{\"seq\":$1}")).get(0)).toList();
    }

    @Test
    void whileDownItDeliversEachNewSeqOnceViaPollAndStopsWhenTold() throws Exception {
        PollFallback f = fallback(30);
        pushedOnSocket(f, 3);
        buffer.get().add(4);
        buffer.get().add(5);
        f.start();
        f.start();
        Thread.sleep(150);
        buffer.get().add(6);
        Thread.sleep(150);
        f.stop();
        Thread.sleep(50);
        int after = requests.get();
        Thread.sleep(120);
        assertEquals(after, requests.get(), "no poll after stop");
        assertEquals(List.of(4L, 5L, 6L), polled(), events());
        assertTrue(events().lines().filter(l -> l.contains("\"ev\":\"poll\"")).count() >= 3, events());
        assertTrue(events().lines().noneMatch(l -> l.contains("\"via\":\"poll\"") && l.contains("\"session\"")), events());
    }

    @Test
    void aRestartedServerCountsFromOneAgainAndARefusedPollIsAnErrorEvent() throws Exception {
        PollFallback f = fallback(20);
        pushedOnSocket(f, 9);
        f.start();
        Thread.sleep(80);
        PollBuffer restarted = new PollBuffer(1024, "B");
        restarted.add(1);
        restarted.add(2);
        buffer.set(restarted);
        Thread.sleep(120);
        server.stop(0);
        Thread.sleep(120);
        f.stop();
        assertEquals(List.of(1L, 2L), polled(), events());
        assertTrue(events().contains("\"instance\":\"B\""), events());
        assertTrue(events().lines().anyMatch(l -> l.contains("\"ev\":\"poll\",\"error\":\"java.net.ConnectException")), events());
    }

    @Test
    void aNewSessionWhoseFirstPushIsLowerIsAnotherServer() throws Exception {
        PollFallback f = fallback(20);
        f.seenOnSocket(50);
        f.stop();
        f.seenOnSocket(2);
        buffer.get().add(1);
        buffer.get().add(2);
        buffer.get().add(3);
        f.start();
        Thread.sleep(100);
        f.stop();
        assertEquals(List.of(3L), polled(), events());
    }
}
