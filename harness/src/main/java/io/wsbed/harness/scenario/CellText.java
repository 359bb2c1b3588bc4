package io.wsbed.harness.scenario;

import java.util.Locale;

/** Number formatting for reasons: whole ms from 100 up, one decimal below. */
final class CellText {
    private CellText() {
    }

    static String ms(Double ms) {
        if (ms == null) {
            return "-";
        }
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }
}
