package io.wsbed.stack.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The numbered wire messages: {@code {"seq":N}} and {@code {"echo":N}}. */
public final class Messages {
    private static final Pattern NUMBERED = Pattern.compile("\\{\\s*\"(seq|echo)\"\\s*:\\s*(\\d{1,18})\\s*}");

    private Messages() {
    }

    public static String seq(long n) {
        return "{\"seq\":" + n + "}";
    }

    public static String echo(long n) {
        return "{\"echo\":" + n + "}";
    }

    /** The number of a {@code {"seq":N}} message, or -1. */
    public static long seqOf(String text) {
        return numberOf(text, "seq");
    }

    /** The number of a {@code {"echo":N}} message, or -1. */
    public static long echoOf(String text) {
        return numberOf(text, "echo");
    }

    private static long numberOf(String text, String kind) {
        if (text == null || text.length() > 64) {
            return -1;
        }
        Matcher m = NUMBERED.matcher(text.trim());
        return m.matches() && m.group(1).equals(kind) ? Long.parseLong(m.group(2)) : -1;
    }
}
