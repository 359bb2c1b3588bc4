package io.wsbed.stack.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The polling fallback's server half (docs/contract.md, "The polling fallback"): the last
 * {@link #CAPACITY} pushes in a ring, and the JSON body of {@code GET /poll?since=N} that hands a
 * client whose WebSocket is down the pushes after N. Older pushes are dropped: a client that asks
 * for one sees {@code first} above {@code since + 1} and knows how many it missed. {@code instance}
 * is new in every process, so a client can tell a restarted server (whose seqs start at 1 again)
 * from the one it knew. One buffer per server process, written by the tick timer, read by the
 * library's HTTP threads.
 */
public final class PollBuffer {
    /** How many pushes the ring holds. */
    public static final int CAPACITY = 1024;
    /** The path of the endpoint on the WebSocket port. */
    public static final String PATH = "/poll";
    /**
     * How long after a poll the server's ticks count with no WebSocket session open: a poller is a
     * subscriber of the feed too, so a client whose socket cannot open still gets fresh pushes.
     */
    public static final long SUBSCRIBED_MS = 2000;

    private final long[] ring;
    private final String instance;
    private long newest;
    private long lastPollNanos;
    private boolean polled;

    public PollBuffer() {
        this(CAPACITY, Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    PollBuffer(int capacity, String instance) {
        this.ring = new long[capacity];
        this.instance = instance;
    }

    /** Records a push; seqs arrive in order, one counter for the process. */
    public synchronized void add(long seq) {
        ring[(int) (seq % ring.length)] = seq;
        newest = seq;
    }

    public String instance() {
        return instance;
    }

    /**
     * The body for a poll after {@code since}: {@code {"instance":..,"next":..,"first":..,"messages":[{"seq":N},..]}},
     * where {@code next} is the seq the next push will get and {@code first} the oldest seq the
     * ring still holds (0 when empty). A {@code since} at or above {@code next} (a client that knew
     * another instance) gets every push the ring holds.
     */
    public synchronized String body(long since) {
        polled = true;
        lastPollNanos = System.nanoTime();
        long oldest = Math.max(1, newest - ring.length + 1);
        long from = since >= newest + 1 ? oldest : Math.max(oldest, since + 1);
        StringBuilder b = new StringBuilder(64 + 12 * (int) Math.max(0, newest - from + 1));
        b.append("{\"instance\":");
        Json.string(b, instance);
        b.append(",\"next\":").append(newest + 1).append(",\"first\":").append(newest == 0 ? 0 : oldest)
                .append(",\"messages\":[");
        for (long seq = from; seq <= newest; seq++) {
            if (seq > from) {
                b.append(',');
            }
            b.append(Messages.seq(ring[(int) (seq % ring.length)]));
        }
        return b.append("]}").toString();
    }

    /** Whether a poll was answered within the last {@link #SUBSCRIBED_MS}: the feed then runs without a session. */
    public synchronized boolean subscribed() {
        return polled && System.nanoTime() - lastPollNanos <= SUBSCRIBED_MS * 1_000_000L;
    }

    /**
     * The {@code since} of a query string ({@code since=N}, other parameters ignored), or -1 when it
     * is missing or not a whole number: the endpoint answers that with 400.
     */
    public static long since(String query) {
        if (query == null) {
            return -1;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("since=")) {
                String digits = part.substring(6);
                if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(Character::isDigit)) {
                    return Long.parseLong(digits);
                }
                return -1;
            }
        }
        return -1;
    }
}
