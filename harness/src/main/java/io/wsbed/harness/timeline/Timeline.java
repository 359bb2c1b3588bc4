package io.wsbed.harness.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * All events of one cell, appended concurrently by process readers and the harness, with bounded
 * waits for an event to appear.
 */
public final class Timeline {
    private final Clock clock;
    private final List<Event> events = new ArrayList<>();

    public Timeline(Clock clock) {
        this.clock = clock;
    }

    /** Now in epoch microseconds on the harness clock (the same clock the processes use). */
    public long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    public synchronized void add(Event event) {
        events.add(event);
        notifyAll();
    }

    /** Records a harness event now and returns it. */
    public Event mark(String ev, Map<String, Object> fields) {
        Event e = new Event("harness", nowMicros(), ev, fields);
        add(e);
        return e;
    }

    /** Every event so far, ordered by time (stable for equal times). */
    public synchronized List<Event> snapshot() {
        List<Event> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparingLong(Event::tMicros));
        return copy;
    }

    /** The first event so far that matches, in time order. */
    public Optional<Event> first(Predicate<Event> match) {
        return snapshot().stream().filter(match).findFirst();
    }

    /**
     * Waits until an event matches or the time is up. Returns empty on timeout: whether that is a
     * finding or a harness failure is the caller's decision.
     */
    public Optional<Event> await(Predicate<Event> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            int checked = 0;
            while (true) {
                for (; checked < events.size(); checked++) {
                    if (match.test(events.get(checked))) {
                        return Optional.of(events.get(checked));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    /** Waits until {@code count} events match, or the time is up; returns how many matched. */
    public int awaitCount(Predicate<Event> match, int count, Duration timeout) {
        return awaitDistinct(match, e -> e, count, timeout);
    }

    /**
     * Waits until the matching events have {@code count} different keys (for example
     * {@code count} different connections opened), or the time is up; returns how many there were.
     */
    public int awaitDistinct(Predicate<Event> match, Function<Event, Object> key, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                int n = (int) events.stream().filter(match).map(key).distinct().count();
                long left = deadline - System.nanoTime();
                if (n >= count || left <= 0) {
                    return n;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return n;
                }
            }
        }
    }
}
