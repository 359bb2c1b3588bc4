package io.wsbed.harness.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventLineParserTest {

    @Test
    void parsesAContractLineWithTypedFields() {
        Event e = EventLineParser.parse("client-1",
                "{\"t\":1795290361360627,\"ev\":\"close\",\"session\":\"c1\",\"code\":1006,\"reason\":\"x\",\"local\":false}")
                .orElseThrow();
        assertEquals("client-1", e.source());
        assertEquals(1795290361360627L, e.tMicros());
        assertEquals("close", e.ev());
        assertEquals("c1", e.session());
        assertEquals(1006, e.num("code", -1));
        assertEquals("x", e.str("reason"));
        assertFalse(e.flag("local"));
        assertFalse(e.fields().containsKey("t"), "t and ev are not repeated as fields");
    }

    @Test
    void keepsFieldOrderAndDropsNulls() {
        Event e = EventLineParser.parse("s", "{\"t\":1,\"ev\":\"sent\",\"session\":\"s1\",\"seq\":3,\"outcome\":\"ok\",\"error\":null}")
                .orElseThrow();
        assertEquals(java.util.List.of("session", "seq", "outcome"), java.util.List.copyOf(e.fields().keySet()));
        assertNull(e.str("error"));
    }

    @Test
    void rejectsLinesThatAreNotContractEvents() {
        assertTrue(EventLineParser.parse("s", "SLF4J: no binding").isEmpty(), "log noise");
        assertTrue(EventLineParser.parse("s", "{\"ev\":\"open\"}").isEmpty(), "no t");
        assertTrue(EventLineParser.parse("s", "{\"t\":\"12\",\"ev\":\"open\"}").isEmpty(), "t not a number");
        assertTrue(EventLineParser.parse("s", "{\"t\":12.5,\"ev\":\"open\"}").isEmpty(), "t not whole");
        assertTrue(EventLineParser.parse("s", "{\"t\":12}").isEmpty(), "no ev");
        assertTrue(EventLineParser.parse("s", "{\"t\":12,\"ev\":\"\"}").isEmpty(), "empty ev");
        assertTrue(EventLineParser.parse("s", "{\"t\":12,\"ev\":\"open\"").isEmpty(), "truncated");
        assertTrue(EventLineParser.parse("s", "").isEmpty());
        assertTrue(EventLineParser.parse("s", null).isEmpty());
    }
}
