package io.wsbed.harness.replay;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The side of a recorded session a frame came from. */
public enum Peer {
    SERVER,
    CLIENT;

    /** "server" or "client", as a recording writes it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Peer> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }
}
