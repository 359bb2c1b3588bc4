package io.wsbed.harness.schedule;

import java.util.Locale;

/** The two ends of the cell's connection. */
public enum Side {
    CLIENT,
    SERVER;

    /** "client" or "server", as marks and figures name it. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
