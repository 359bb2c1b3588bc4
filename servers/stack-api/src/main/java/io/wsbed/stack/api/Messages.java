package io.wsbed.stack.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbered wire messages: {@code {"seq":N}} and {@code {"echo":N}}; the padded ones of the
 * {@code big} command ({@code {"seq":N,"pad":"xx..."}}, exactly N bytes, so its seq is its size);
 * and the {@code flood} command's {@code {"flood":N,"pad":"xx..."}}, which no receiver reports.
 */
public final class Messages {
    private static final Pattern NUMBERED = Pattern.compile("\\{\\s*\"(seq|echo)\"\\s*:\\s*(\\d{1,18})\\s*}");
    private static final String BIG_HEAD = "{\"seq\":";
    private static final String PAD_HEAD = ",\"pad\":\"";
    private static final String PAD_TAIL = "\"}";
    /** The last padded message built, by size: a 16 MiB message is built once, not per send. */
    private static volatile String lastBig = "";

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

    /**
     * A {@code big} message of exactly {@code bytes} bytes (ASCII): {@code {"seq":<bytes>,"pad":"xx..."}}.
     * The last one built is kept, so sending one size again (or to every session) builds nothing.
     */
    public static String big(int bytes) {
        String cached = lastBig;
        if (cached.length() == bytes) {
            return cached;
        }
        String built = padded(BIG_HEAD + bytes, bytes);
        lastBig = built;
        return built;
    }

    /** A {@code flood} message of exactly {@code bytes} bytes: {@code {"flood":N,"pad":"xx..."}}. */
    public static String flood(long n, int bytes) {
        return padded("{\"flood\":" + n, bytes);
    }

    /** The smallest size {@link #big(int)} can build (the padding can be empty, the number cannot). */
    public static int minBig(int bytes) {
        return BIG_HEAD.length() + Integer.toString(bytes).length() + PAD_HEAD.length() + PAD_TAIL.length();
    }

    private static String padded(String head, int bytes) {
        int pad = bytes - head.length() - PAD_HEAD.length() - PAD_TAIL.length();
        if (pad < 0) {
            throw new IllegalArgumentException("a padded message cannot be " + bytes + " bytes; it needs " + (bytes - pad));
        }
        StringBuilder b = new StringBuilder(bytes).append(head).append(PAD_HEAD);
        b.append("x".repeat(pad));
        return b.append(PAD_TAIL).toString();
    }

    /**
     * The seq of a padded {@code big} message ({@code {"seq":N,"pad":"..."}} longer than a plain
     * numbered message), or -1; only the head is read, so a 16 MiB message costs nothing here.
     */
    public static long bigSeqOf(String text) {
        if (text == null || text.length() <= 64 || !text.startsWith(BIG_HEAD)) {
            return -1;
        }
        int end = text.indexOf(',', BIG_HEAD.length());
        if (end < 0 || end - BIG_HEAD.length() > 18 || !text.startsWith(PAD_HEAD, end)) {
            return -1;
        }
        String digits = text.substring(BIG_HEAD.length(), end);
        return digits.chars().allMatch(Character::isDigit) && !digits.isEmpty() ? Long.parseLong(digits) : -1;
    }
}
