package io.wsbed.harness.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.wire.Frame;
import io.wsbed.harness.replay.wire.Opcode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes a recording ({@value Recording#SCHEMA}) line by line, each line flushed as it is written,
 * so a recorder that is killed leaves every frame before the kill readable. Thread-safe: the two
 * directions of a proxied session write through one writer.
 */
public final class RecordingWriter implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter out;
    private boolean closed;
    private boolean started;

    private RecordingWriter(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Creates (or replaces) the file, before the session starts: a file that cannot be written is a
     * configuration error before anything is connected. It also serialises one throwaway line, so
     * the JSON machinery is loaded before the first frame arrives and no frame is read late behind it.
     */
    public static RecordingWriter open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            JSON.writeValueAsString(JSON.createObjectNode().put("warm", Base64.getEncoder().encodeToString(new byte[3])));
            return new RecordingWriter(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw HarnessException.configuration("cannot write the recording " + file + ": " + e.getMessage());
        }
    }

    /** The first line: the session has started. */
    public synchronized void header(RecordingHeader header) {
        ObjectNode n = JSON.createObjectNode();
        n.put("schema", Recording.SCHEMA);
        n.put("t", header.tMicros());
        n.put("mode", header.mode());
        n.put("url", header.url());
        if (header.subprotocol() != null) {
            n.put("subprotocol", header.subprotocol());
        }
        line(n);
        started = true;
    }

    /** Closes the file and deletes it when no session started (nothing was recorded). */
    public synchronized void discard() {
        close();
        if (!started) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // An empty file left behind is harmless.
            }
        }
    }

    public synchronized void frame(RecordedFrame f) {
        ObjectNode n = JSON.createObjectNode();
        n.put("t", f.tMicros());
        n.put("at_us", f.atMicros());
        n.put("from", f.from().id());
        Frame frame = f.frame();
        n.put("op", frame.opcode().id());
        n.put("fin", frame.fin());
        n.put("len", frame.payload().length);
        payload(n, frame);
        line(n);
    }

    public synchronized void end(RecordingEnd e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("t", e.tMicros());
        n.put("at_us", e.atMicros());
        n.put("end", e.how().id());
        n.put("by", e.by() == null ? "recorder" : e.by().id());
        if (e.code() != null) {
            n.put("code", e.code());
        }
        if (e.reason() != null) {
            n.put("reason", e.reason());
        }
        if (e.detail() != null) {
            n.put(e.how() == RecordingEnd.How.ERROR ? "error" : "why", e.detail());
        }
        line(n);
    }

    /**
     * A Close frame as its code and reason; text (and its continuations) as "text" when the bytes
     * are valid UTF-8 on their own; everything else, and text cut inside a character, as "b64".
     */
    private static void payload(ObjectNode n, Frame frame) {
        byte[] p = frame.payload();
        if (p.length == 0) {
            return;
        }
        if (frame.opcode() == Opcode.CLOSE && p.length >= 2 && utf8(p, 2) != null) {
            n.put("code", frame.closeCode().orElseThrow());
            n.put("reason", frame.closeReason());
            return;
        }
        String text = frame.opcode() == Opcode.TEXT || frame.opcode() == Opcode.CONTINUATION ? utf8(p, 0) : null;
        if (text != null) {
            n.put("text", text);
        } else {
            n.put("b64", Base64.getEncoder().encodeToString(p));
        }
    }

    private static String utf8(byte[] bytes, int from) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void line(ObjectNode n) {
        if (closed) {
            return;
        }
        try {
            out.write(JSON.writeValueAsString(n));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new HarnessException("cannot write the recording " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new HarnessException("cannot close the recording " + file + ": " + e.getMessage(), e);
        }
    }
}
