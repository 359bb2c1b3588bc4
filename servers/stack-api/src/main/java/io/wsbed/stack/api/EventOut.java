package io.wsbed.stack.api;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Writes the contract's event lines: one JSON object per line, each with {@code t} (epoch
 * microseconds) and {@code ev}. Thread-safe; every line is flushed at once so the harness sees
 * events as they happen.
 */
public final class EventOut {
    private final PrintStream out;
    private final Clock clock;

    public EventOut(OutputStream out, Clock clock) {
        this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * The event stream on the real standard output. {@code System.out} is pointed at stderr
     * afterwards, so that a library printing to stdout can never corrupt the event stream.
     */
    public static EventOut onStdout() {
        EventOut events = new EventOut(new FileOutputStream(FileDescriptor.out), Clock.systemUTC());
        System.setOut(System.err);
        return events;
    }

    /** Current time in epoch microseconds, from this process's clock. */
    public long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /**
     * Writes one event. {@code fields} alternate name and value; values may be String, Number,
     * Boolean or null (null values are left out).
     */
    public void emit(String ev, Object... fields) {
        emitAt(nowMicros(), ev, fields);
    }

    /** Writes one event with an explicit timestamp. */
    public void emitAt(long tMicros, String ev, Object... fields) {
        if (fields.length % 2 != 0) {
            throw new IllegalArgumentException("fields must come in name/value pairs");
        }
        StringBuilder line = new StringBuilder(96);
        line.append("{\"t\":").append(tMicros).append(",\"ev\":");
        Json.string(line, ev);
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value == null) {
                continue;
            }
            line.append(',');
            Json.string(line, (String) fields[i]);
            line.append(':');
            Json.value(line, value);
        }
        line.append('}');
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
