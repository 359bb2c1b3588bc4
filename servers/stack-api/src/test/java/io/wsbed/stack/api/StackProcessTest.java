package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class StackProcessTest {

    @Test
    void anUnknownCommandIsAnErrorEventNotACrash() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        EventOut events = new EventOut(buf, Clock.systemUTC());
        SessionTable sessions = new SessionTable(events, "s");
        StackProcess process = new StackProcess(new StackProcess.Role() {
            @Override
            public void start() {
            }

            @Override
            public SessionTable sessions() {
                return sessions;
            }

            @Override
            public void closeEngine() {
            }
        }, events);

        process.run("jump s1 high");

        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\"ev\":\"error\""), out);
        assertTrue(out.contains("UnknownCommand: 'jump'; known: send, close, stop"), out);
        assertEquals(1, out.lines().count(), out);
    }
}
