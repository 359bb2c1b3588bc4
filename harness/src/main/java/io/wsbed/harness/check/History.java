package io.wsbed.harness.check;

import io.wsbed.harness.metrics.TimelineQueries;
import io.wsbed.harness.result.TimelineEntry;
import io.wsbed.harness.timeline.Event;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A cell's recorded timeline as a checker reads it: exactly what results.json stores (times in
 * milliseconds from the stimulus t0, to 0.1 ms), turned back into events with times in
 * microseconds from t0. A live run and {@code wsbed recheck} build it from the same entries, so a
 * checker gives the same answer on both.
 */
public final class History {
    /** The harness mark that ends the observation: the schedule is done, teardown follows. */
    public static final String OBSERVED = "observed";
    /** The harness mark that names the processes of the cell's main connection. */
    public static final String STAGE = "stage";

    private final List<Event> events;

    private History(List<Event> events) {
        this.events = List.copyOf(events);
    }

    /** The history of stored timeline entries, in their stored order. */
    public static History of(List<TimelineEntry> entries) {
        return new History(entries.stream()
                .map(e -> new Event(e.source(), Math.round(e.ms() * 1000), e.ev(), e.fields()))
                .toList());
    }

    /** Every event, in recorded order (times from t0 in microseconds). */
    public List<Event> events() {
        return events;
    }

    /** The first harness mark named {@code ev}. */
    public Optional<Event> mark(String ev) {
        return first(e -> e.source().equals("harness") && e.ev().equals(ev));
    }

    /** Every harness mark named {@code ev}, in order. */
    public List<Event> marks(String ev) {
        return events.stream().filter(e -> e.source().equals("harness") && e.ev().equals(ev)).toList();
    }

    /** The first harness mark named {@code ev}; a history without it was not recorded by this scenario. */
    public Event requireMark(String ev) {
        return mark(ev).orElseThrow(() -> new HistoryException("the timeline has no harness '" + ev + "' mark"));
    }

    /** The stimulus t0: always 0 in a stored history (times are counted from the first fault). */
    public long t0() {
        return requireMark("fault").tMicros();
    }

    /** A field of the {@code stage} mark: the label of the main client or server process. */
    public String staged(String role) {
        String label = requireMark(STAGE).str(role);
        if (label == null) {
            throw new HistoryException("the harness 'stage' mark names no " + role);
        }
        return label;
    }

    /** When the schedule ended and teardown began (the last event when there is no mark). */
    public long observedUntil() {
        return mark(OBSERVED).map(Event::tMicros)
                .orElse(events.isEmpty() ? 0 : events.get(events.size() - 1).tMicros());
    }

    /** The events up to the end of the observation, for counts that would grow during teardown. */
    public List<Event> observed() {
        long until = observedUntil();
        return events.stream().filter(e -> e.tMicros() <= until).toList();
    }

    /** The first event that matches, in recorded order. */
    public Optional<Event> first(Predicate<Event> match) {
        return events.stream().filter(match).findFirst();
    }

    /** The first event {@code ev} from {@code source} at or after a time, and at or before the end of observation. */
    public Optional<Event> firstFrom(String source, String ev, long afterMicros) {
        long until = observedUntil();
        return first(e -> e.source().equals(source) && e.ev().equals(ev) && e.tMicros() >= afterMicros
                && e.tMicros() <= until);
    }

    /** The session {@code source} had open at {@code tMicros}; a history without one was not a running cell. */
    public String sessionAt(String source, long tMicros) {
        return TimelineQueries.sessionAt(events, source, tMicros)
                .orElseThrow(() -> new HistoryException(source + " had no open session at the stimulus"));
    }

    /** The ready event of a process; every started process has one. */
    public Event readyOf(String source) {
        return first(e -> e.source().equals(source) && e.ev().equals("ready"))
                .orElseThrow(() -> new HistoryException(source + " has no ready event"));
    }
}
