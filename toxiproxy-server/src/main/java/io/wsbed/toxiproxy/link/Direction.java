package io.wsbed.toxiproxy.link;

import java.util.Locale;
import java.util.Optional;

/** The two directions of a proxied connection, named as Toxiproxy's {@code stream} field names them. */
public enum Direction {
    /** Client to upstream server. */
    UPSTREAM,
    /** Upstream server to client (the default stream of a toxic). */
    DOWNSTREAM;

    /** The lowercase wire name. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a stream name case-insensitively, as the reference does; empty when it is neither. */
    public static Optional<Direction> parse(String text) {
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(text)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
