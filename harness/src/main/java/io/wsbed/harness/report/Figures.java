package io.wsbed.harness.report;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.scenario.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The times the report compares across stacks, and the one rule that calls two of them far apart.
 * A cell's figures are its detection times ({@code *_detect_ms}), its {@code reconnect_ms} and its
 * scenario's key figure when that is a time (the reconnect storm's {@code all_back_ms}); a repeated
 * cell counts with its p50. A figure not seen within the window is no number and is left out.
 */
final class Figures {
    /** Two times are far apart when the larger is more than this many times the smaller ... */
    static final double FAR_RATIO = 3.0;
    /** ... and they differ by more than this many milliseconds (a busy machine moves small times by tens of ms). */
    static final double FAR_MS = 50.0;

    private Figures() {
    }

    /** The rule in words, for the reports. */
    static String rule() {
        return String.format(Locale.ROOT, "more than %.0fx and more than %.0f ms apart", FAR_RATIO, FAR_MS);
    }

    /** Whether two times are far apart: more than {@link #FAR_RATIO}x and more than {@link #FAR_MS} ms. */
    static boolean far(double a, double b) {
        return Math.abs(a - b) > FAR_MS && Math.max(a, b) > FAR_RATIO * Math.min(a, b);
    }

    /** The cell's figures that hold a number, by metric name, in the order the checker wrote them. */
    static Map<String, Double> of(CellResult c) {
        String key = keyMetric(c.scenario());
        Map<String, Double> out = new LinkedHashMap<>();
        c.metrics().forEach((name, value) -> {
            Double v = number(value);
            if (v != null && (name.endsWith("_detect_ms") || name.equals("reconnect_ms") || name.equals(key))) {
                out.put(name, v);
            }
        });
        return out;
    }

    /** The median of some values (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the median of no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** A figure's number: the value itself, or the p50 of a repeated cell's spread; null when none. */
    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Map<?, ?> spread && spread.get("p50") instanceof Number p50) {
            return p50.doubleValue();
        }
        return null;
    }

    /** The scenario's key metric when it is a time, or null (a scenario this wsbed does not know has none). */
    private static String keyMetric(String scenario) {
        try {
            String key = Scenarios.create(scenario).keyMetric();
            return key.endsWith("_ms") ? key : null;
        } catch (HarnessException unknown) {
            return null;
        }
    }
}
