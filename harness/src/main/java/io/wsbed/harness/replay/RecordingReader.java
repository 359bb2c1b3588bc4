package io.wsbed.harness.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads a recording back. Every problem is one configuration error that names the file and the
 * line: a header of another schema (refused, never guessed at), a line cut off in the middle (a
 * recorder killed while writing), a field that is missing or out of range.
 */
public final class RecordingReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private int line;
    private int endLine;

    private RecordingReader(Path file) {
        this.file = file;
    }

    public static Recording read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw HarnessException.configuration(file + " does not exist (expected a recording written by wsbed record)");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new RecordingReader(file).parse(in);
        } catch (IOException e) {
            throw HarnessException.configuration("cannot read " + file + ": " + e.getMessage());
        }
    }

    private Recording parse(BufferedReader in) throws IOException {
        String first = in.readLine();
        line = 1;
        if (first == null || first.isBlank()) {
            throw bad("is empty, not a recording (the first line must be the header {\"schema\":\"" + Recording.SCHEMA
                    + "\",...})");
        }
        RecordingHeader header = header(json(first, in.ready()));
        List<RecordedFrame> frames = new ArrayList<>();
        RecordingEnd end = null;
        for (String text = in.readLine(); text != null; text = in.readLine()) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            JsonNode n = json(text, in.ready());
            if (end != null) {
                throw bad("comes after the end line (line " + endLine + "); a recording ends with its end line");
            }
            if (n.has("end")) {
                end = end(n);
                endLine = line;
            } else {
                frames.add(frame(n));
            }
        }
        return new Recording(header, frames, Optional.ofNullable(end));
    }

    private JsonNode json(String text, boolean more) {
        try {
            JsonNode n = JSON.readTree(text);
            if (n == null || !n.isObject()) {
                throw bad("is not a JSON object");
            }
            return n;
        } catch (JsonEOFException e) {
            throw bad("is cut off in the middle (" + text.length() + " characters of an unfinished JSON object)"
                    + (more ? "" : ": the file ends inside this line, as when the recorder was killed while writing;"
                    + " delete the line to replay what came before it"));
        } catch (JsonProcessingException e) {
            throw bad("is not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private RecordingHeader header(JsonNode n) {
        String schema = n.path("schema").asText("");
        if (!schema.equals(Recording.SCHEMA)) {
            if (schema.startsWith("wsbed.recording/")) {
                throw bad("has schema '" + schema + "', which this wsbed does not read: it reads " + Recording.SCHEMA
                        + " only (record again with this wsbed, or replay with the wsbed that wrote it)");
            }
            throw bad("is not the header of a wsbed recording (expected {\"schema\":\"" + Recording.SCHEMA + "\",...}"
                    + (schema.isEmpty() ? "" : ", got schema '" + schema + "'") + ")");
        }
        return new RecordingHeader(n.path("mode").asText("client"), n.path("url").asText(""), integer(n, "t"),
                n.hasNonNull("subprotocol") ? n.get("subprotocol").asText() : null);
    }

    private RecordedFrame frame(JsonNode n) {
        Peer from = Peer.byId(n.path("from").asText(""))
                .orElseThrow(() -> bad("has \"from\": " + n.path("from") + "; expected \"server\" or \"client\""));
        Opcode op = Opcode.byId(n.path("op").asText(""))
                .orElseThrow(() -> bad("has \"op\": " + n.path("op") + "; expected text, binary, continuation, close, ping "
                        + "or pong"));
        byte[] payload = payload(n, op);
        if (n.has("len") && n.get("len").asLong(-1) != payload.length) {
            throw bad("says len " + n.get("len") + " but its payload holds " + payload.length + " bytes");
        }
        try {
            return new RecordedFrame(integer(n, "at_us"), integer(n, "t"), from,
                    new Frame(n.path("fin").asBoolean(true), op, payload));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private byte[] payload(JsonNode n, Opcode op) {
        if (op == Opcode.CLOSE && n.has("code")) {
            return Frame.close(n.get("code").asInt(), n.path("reason").asText("")).payload();
        }
        if (n.hasNonNull("text")) {
            return n.get("text").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (n.hasNonNull("b64")) {
            try {
                return Base64.getDecoder().decode(n.get("b64").asText());
            } catch (IllegalArgumentException e) {
                throw bad("has a \"b64\" payload that is not base64 (" + e.getMessage() + ")");
            }
        }
        return new byte[0];
    }

    private RecordingEnd end(JsonNode n) {
        RecordingEnd.How how = RecordingEnd.How.byId(n.path("end").asText(""))
                .orElseThrow(() -> bad("has \"end\": " + n.path("end") + "; expected close, eof, error or stopped"));
        String byId = n.path("by").asText("");
        Peer by = Peer.byId(byId).orElse(null);
        if (by == null && !byId.equals("recorder")) {
            throw bad("has \"by\": " + n.path("by") + "; expected server, client or recorder");
        }
        Integer code = n.has("code") ? n.get("code").asInt() : null;
        String reason = n.has("reason") ? n.get("reason").asText() : null;
        String detail = n.has("error") ? n.get("error").asText() : n.has("why") ? n.get("why").asText() : null;
        return new RecordingEnd(integer(n, "at_us"), integer(n, "t"), how, by, code, reason, detail);
    }

    private long integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() < 0) {
            throw bad("has no whole non-negative number \"" + field + "\"");
        }
        return v.asLong();
    }

    private HarnessException bad(String what) {
        return HarnessException.configuration(file + " line " + line + " " + what);
    }
}
