package io.wsbed.harness.metrics;

import java.util.Locale;

/** How milliseconds read in reasons and key figures: whole from 100 up, one decimal below. */
public final class Millis {
    private Millis() {
    }

    /** "1906", "12.2", or "-" for a figure that was not measured. */
    public static String format(Double ms) {
        if (ms == null) {
            return "-";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
