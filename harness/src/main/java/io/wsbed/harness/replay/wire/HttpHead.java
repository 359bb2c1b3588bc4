package io.wsbed.harness.replay.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The head of an HTTP/1.1 request or response (start line and header fields), as the upgrade
 * exchanges it. Read byte by byte up to the blank line, so nothing after it (the first frames) is
 * consumed; header order and spelling are kept, so a proxy can pass a head on as it came.
 */
public record HttpHead(String startLine, List<Map.Entry<String, String>> headers) {
    private static final int MAX_BYTES = 16 * 1024;

    public HttpHead {
        headers = List.copyOf(headers);
    }

    /** Reads one head; a stream that ends first or a head over 16 KiB is an error. */
    public static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection ended inside the HTTP head, after " + total + " bytes");
            }
            if (++total > MAX_BYTES) {
                throw new ProtocolException("an HTTP head over " + MAX_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                break;
            }
            lines.add(text);
        }
        if (lines.isEmpty()) {
            throw new ProtocolException("an empty HTTP head");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String h : lines.subList(1, lines.size())) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException("a malformed HTTP header line '" + h + "'");
            }
            headers.add(Map.entry(h.substring(0, colon).strip(), h.substring(colon + 1).strip()));
        }
        return new HttpHead(lines.get(0), headers);
    }

    /** The first value of a header (the name is case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** Whether a comma-separated header holds a token, case-insensitively ("Connection: keep-alive, Upgrade"). */
    public boolean headerHas(String name, String token) {
        return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> List.of(h.getValue().split(",")).stream())
                .anyMatch(v -> v.strip().toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT)));
    }

    /** The status code of a response head, or -1 when the start line is not a response's. */
    public int status() {
        String[] parts = startLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The same head without a header (every occurrence). */
    public HttpHead without(String name) {
        return new HttpHead(startLine, headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList());
    }

    /** The same head with a header replaced (or added at the end). */
    public HttpHead with(String name, String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(without(name).headers());
        out.add(Map.entry(name, value));
        return new HttpHead(startLine, out);
    }

    /** The same head with another start line. */
    public HttpHead withStartLine(String line) {
        return new HttpHead(line, headers);
    }

    /** The head on the wire: CRLF after each line, a blank line at the end. */
    public byte[] bytes() {
        StringBuilder s = new StringBuilder(startLine).append("\r\n");
        headers.forEach(h -> s.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n"));
        return s.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
