package io.wsbed.harness.result;

import io.wsbed.harness.metrics.Millis;
import java.util.Map;

/** The one figure the matrix shows in a cell, from its metrics: "3.1 ms", "not within window", "4/6 told". */
public final class KeyFigure {
    private KeyFigure() {
    }

    public static String of(String metric, Map<String, Object> metrics) {
        if (metrics.get("survived") instanceof Number n && n.intValue() == 1) {
            return "survived";
        }
        if (metrics.get("resumed") instanceof Number n && n.intValue() == 1) {
            return "resumed";
        }
        if (metrics.get("kept_open") instanceof Number n && n.intValue() == 1) {
            return "kept open";
        }
        if (metrics.get("data_flowed") instanceof Number n && n.intValue() == 1) {
            return "data flowed";
        }
        if (!metrics.containsKey(metric)) {
            return "";
        }
        Object v = metrics.get(metric);
        if (metric.endsWith("_ms")) {
            return v == null ? "not within window" : Millis.format(((Number) v).doubleValue()) + " ms";
        }
        if (metric.equals("told_sends") && metrics.get("sends") instanceof Number n) {
            return v + "/" + n + " told";
        }
        if (metric.equals("accepted") && metrics.get("cases") instanceof Number n) {
            return v + "/" + n + " accepted";
        }
        if (metric.endsWith("_mib_s") && v instanceof Number n) {
            return n + " MiB/s";
        }
        return String.valueOf(v);
    }
}
