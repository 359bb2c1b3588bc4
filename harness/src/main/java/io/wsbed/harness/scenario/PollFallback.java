package io.wsbed.harness.scenario;

import io.wsbed.harness.check.Checker;
import io.wsbed.harness.check.PollFallbackChecker;
import io.wsbed.harness.stack.StackInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario's {@code -poll-fallback} variant shares: the client runs with
 * {@code --reconnect poll-fallback --poll-ms POLL_MS} (docs/contract.md, "The polling fallback"),
 * its cells are SKIPPED unless the client's info declares the mode and the server's the
 * {@code poll} endpoint, and its checker adds {@link PollFallbackChecker}'s figures to the
 * scenario's own.
 */
public final class PollFallback {
    /** The reconnect mode's word. */
    public static final String MODE = "poll-fallback";
    /**
     * How long the poll-fallback variant of a network fault keeps the fault after both sides noticed
     * (the backoff cells recover at once): the fallback's polls then meet the fault too.
     */
    public static final long HOLD_MS = 2000;
    /** The scaled poll interval (production: a few seconds), listed in the run header as poll_ms. */
    public static final long POLL_MS = 100;
    /** The figures the variant adds to its scenario's. */
    static final List<String> FIGURES = List.of("delivered_via_poll", "delivered_during_fault", "poll_requests_per_s", "poll_requests", "poll_failed",
            "down_ms", "stream_gap_ms", "missed_pushes", "undelivered_pushes");

    private PollFallback() {
    }

    /** Why a cell of the variant cannot run with these stacks, or null. */
    static String skipReason(StackInfo server, StackInfo client) {
        if (client.hasClient() && !client.pollFallback()) {
            return "client stack '" + client.id() + "' has no --reconnect poll-fallback (its info does not declare poll_fallback)";
        }
        if (server.hasServer() && !server.servesPoll()) {
            return "server stack '" + server.id() + "' serves no poll endpoint (its info does not declare poll)";
        }
        return null;
    }

    /** The scenario's figures, then the variant's (each once). */
    static List<String> reports(List<String> scenario) {
        return reports(scenario, FIGURES);
    }

    /** The scenario's figures, then {@code more} (each once). */
    static List<String> reports(List<String> scenario, List<String> more) {
        List<String> all = new ArrayList<>(scenario);
        more.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return all;
    }

    static String measures(String scenario) {
        return scenario + " The client polls GET /poll every " + POLL_MS + " ms while its WebSocket is down:"
                + " delivered_via_poll (pushes the fallback handed the application; delivered_during_fault those before"
                + " the fault ended, the rest it caught up after), poll_requests_per_s (its requests"
                + " per second of down_ms, from the first end it was told to the next open), stream_gap_ms (the longest"
                + " stretch without a push delivered either way, to the end of the observation when it never came back),"
                + " missed_pushes (that gap in ticks, less one, as server-crash counts it) and undelivered_pushes (seqs the"
                + " server reported sent from the fault on that never reached the application either way).";
    }

    static Checker checker(Checker scenario) {
        return new PollFallbackChecker(scenario);
    }
}
