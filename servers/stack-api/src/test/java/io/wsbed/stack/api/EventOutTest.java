package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EventOutTest {

    @Test
    void writesOneJsonObjectPerLineWithMicrosecondTime() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 123_456_789L), ZoneOffset.UTC);
        EventOut out = new EventOut(buf, clock);
        out.emit("close", "session", "s1", "code", 1006, "reason", "a \"quoted\"\nline\\", "local", false, "error", null);
        assertEquals("{\"t\":1700000000123456,\"ev\":\"close\",\"session\":\"s1\",\"code\":1006,"
                + "\"reason\":\"a \\\"quoted\\\"\\nline\\\\\",\"local\":false}" + System.lineSeparator(),
                buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void numberedMessagesRoundTrip() {
        assertEquals(42, Messages.seqOf(Messages.seq(42)));
        assertEquals(7, Messages.echoOf(Messages.echo(7)));
        assertEquals(-1, Messages.seqOf(Messages.echo(7)));
        assertEquals(-1, Messages.seqOf("hello"));
        assertEquals(3, Messages.seqOf("{ \"seq\" : 3 }"));
    }
}
