package io.wsbed.stack.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code --name value} pairs strictly: unknown, repeated or valueless options are errors. */
final class OptionReader {
    private final Map<String, String> values = new LinkedHashMap<>();

    OptionReader(List<String> args, Set<String> known) throws UsageException {
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument '" + name + "'; options look like --name value");
            }
            String key = name.substring(2);
            if (!known.contains(key)) {
                throw new UsageException("unknown option '" + name + "'; known: --" + String.join(", --", sorted(known)));
            }
            if (i + 1 >= args.size()) {
                throw new UsageException("option '" + name + "' needs a value");
            }
            if (values.put(key, args.get(++i)) != null) {
                throw new UsageException("option '" + name + "' given twice");
            }
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    long number(String key, long fallback, long min, long max) throws UsageException {
        String raw = values.get(key);
        if (raw == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new UsageException("option '--" + key + "' needs a whole number, got '" + raw + "'");
        }
        if (value < min || value > max) {
            throw new UsageException("option '--" + key + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    static void checkHeartbeat(long intervalMs, long timeoutMs) throws UsageException {
        if ((intervalMs == 0) != (timeoutMs == 0)) {
            throw new UsageException("--heartbeat-ms and --heartbeat-timeout-ms go together: both 0 (off) or both set");
        }
        if (intervalMs > 0 && timeoutMs <= intervalMs) {
            throw new UsageException("--heartbeat-timeout-ms (" + timeoutMs + ") must be longer than --heartbeat-ms (" + intervalMs + ")");
        }
    }
}
