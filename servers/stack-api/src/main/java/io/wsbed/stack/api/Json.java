package io.wsbed.stack.api;

/** The little JSON the event lines need: strings, numbers, booleans. */
final class Json {
    private Json() {
    }

    static void value(StringBuilder sb, Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            sb.append(value);
        } else {
            string(sb, String.valueOf(value));
        }
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
