package io.wsbed.stack.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The polling fallback's client half ({@code --reconnect poll-fallback}; docs/contract.md): while
 * one connection's WebSocket is down, polls the server's {@code /poll} endpoint on the WebSocket
 * URL's host and port every {@code --poll-ms} (one request at a time, each bounded by
 * {@code --connect-timeout-ms}) and hands the pushes it has not seen to the application as
 * {@code recv} events with {@code via: "poll"}. It remembers the highest seq the application got
 * by either way, so nothing is delivered twice; a server whose counter went back (a new
 * {@code instance}, or {@code next} below what it had) is a new server and its pushes count from 1.
 * The next {@code open} stops it, and a poll still in flight then delivers nothing.
 */
final class PollFallback {
    private static final Pattern INSTANCE = Pattern.compile("\"instance\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern NEXT = Pattern.compile("\"next\"\\s*:\\s*(\\d+)");
    private static final Pattern FIRST = Pattern.compile("\"first\"\\s*:\\s*(\\d+)");
    private static final Pattern SEQ = Pattern.compile("\\{\\s*\"seq\"\\s*:\\s*(\\d+)\\s*}");

    private final EventOut events;
    private final ScheduledExecutorService timers;
    private final HttpClient http;
    private final URI endpoint;
    private final long pollMs;
    private final long timeoutMs;
    private final Integer conn;
    /** Bumped by every start and stop: a poll of an older round delivers nothing. */
    private long round;
    private boolean polling;
    private long lastSeq;
    private String instance;
    private boolean freshSession;

    PollFallback(EventOut events, ScheduledExecutorService timers, HttpClient http, URI wsUrl, long pollMs,
                 long timeoutMs, Integer conn) {
        this.events = events;
        this.timers = timers;
        this.http = http;
        this.endpoint = endpointOf(wsUrl);
        this.pollMs = pollMs;
        this.timeoutMs = timeoutMs;
        this.conn = conn;
    }

    /** The HTTP client every connection of a process shares (HTTP/1.1: no h2c upgrade a proxy could refuse). */
    static HttpClient newHttpClient(long connectTimeoutMs) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectTimeoutMs)).build();
    }

    /** {@code ws://host:port/anything} -> {@code http://host:port/poll}. */
    static URI endpointOf(URI wsUrl) {
        return URI.create("http://" + wsUrl.getHost() + ":" + wsUrl.getPort() + PollBuffer.PATH);
    }

    /**
     * A push arrived on the WebSocket (seq -1: not a push). A server pushes only live ticks, so the
     * first push of a new session at or below what was seen comes from another server instance.
     */
    synchronized void seenOnSocket(long seq) {
        if (seq < 0) {
            return;
        }
        if (freshSession && seq <= lastSeq) {
            instance = null;
            lastSeq = seq;
        } else if (seq > lastSeq) {
            lastSeq = seq;
        }
        freshSession = false;
    }

    /** A WebSocket session opened: a server that answers the Upgrade may be a new one, and no poll is needed. */
    synchronized void stop() {
        round++;
        polling = false;
        freshSession = true;
    }

    /**
     * The WebSocket is down: start polling (no-op when already polling). A session that opens
     * again resets nothing about what was seen, so a seq is never delivered twice; only a server
     * that says it is another instance resets it.
     */
    synchronized void start() {
        if (polling) {
            return;
        }
        polling = true;
        long r = ++round;
        timers.execute(() -> pollOnce(r));
    }

    private void pollOnce(long r) {
        long since;
        synchronized (this) {
            if (r != round) {
                return;
            }
            since = lastSeq;
        }
        long startedNanos = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "?since=" + since))
                .timeout(Duration.ofMillis(timeoutMs)).GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            answered(r, response, error);
            long elapsedMs = (System.nanoTime() - startedNanos) / 1_000_000;
            synchronized (this) {
                if (r == round) {
                    timers.schedule(() -> pollOnce(r), Math.max(0, pollMs - elapsedMs), TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    private void answered(long r, HttpResponse<String> response, Throwable error) {
        if (error != null) {
            events.emit("poll", "error", SessionTable.describe(error), "conn", conn);
            return;
        }
        if (response.statusCode() != 200) {
            events.emit("poll", "status", response.statusCode(), "count", 0, "conn", conn);
            return;
        }
        String body = response.body();
        String answeredBy = group(INSTANCE, body);
        long next = number(NEXT, body);
        long first = number(FIRST, body);
        List<Long> fresh = new ArrayList<>();
        long missed;
        synchronized (this) {
            if (r != round) {
                // The WebSocket is back: what the socket delivers now rules; this answer changes nothing.
                events.emit("poll", "status", 200, "count", 0, "stale", true, "conn", conn);
                return;
            }
            boolean otherServer = (instance != null && !instance.equals(answeredBy)) || (next >= 0 && next - 1 < lastSeq);
            instance = answeredBy;
            if (otherServer) {
                lastSeq = 0;
            }
            long before = lastSeq;
            Matcher m = SEQ.matcher(body);
            while (m.find()) {
                long seq = Long.parseLong(m.group(1));
                if (seq > lastSeq) {
                    fresh.add(seq);
                    lastSeq = seq;
                }
            }
            missed = first > before + 1 ? first - before - 1 : 0;
        }
        events.emit("poll", "status", 200, "count", fresh.size(), "next", next < 0 ? null : next,
                "instance", answeredBy, "dropped", missed > 0 ? missed : null, "conn", conn);
        for (long seq : fresh) {
            events.emit("recv", "seq", seq, "via", "poll", "conn", conn);
        }
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static long number(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
