package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared recorder's own rules: which session is which, and what a failed wait says. */
class RecordingListenerTest {
    private static final Duration SHORT = Duration.ofMillis(50);

    @Test
    void eachOpenIsASessionAndACallOnAnotherInstanceIsMarked() throws Exception {
        RecordingListener r = new RecordingListener("server");
        Connection first = new Idle();
        Connection second = new Idle();
        r.onOpen(first);
        r.onClose(first, 1000, "bye");
        r.onOpen(second);
        r.onText(new Idle(), "stray");

        assertSame(second, r.awaitConnection(2, SHORT));
        assertEquals("close:1000:bye", r.awaitClose(SHORT));
        assertEquals(List.of("open", "close:1000:bye", "open", "text:stray" + RecordingListener.NOT_OPENED), r.events());
    }

    @Test
    void aWaitThatTimesOutSaysWhatWasRecorded() {
        RecordingListener r = new RecordingListener("client");
        r.onOpen(new Idle());

        AssertionError e = assertThrows(AssertionError.class, () -> r.awaitClose(SHORT));
        assertEquals("client did not report a close within 50 ms; it reported [open]", e.getMessage());
    }

    @Test
    void aSendKeepsItsFirstOutcomeAndTheFailure() throws Exception {
        RecordingListener.Outcome outcome = new RecordingListener.Outcome();
        IllegalStateException failure = new IllegalStateException("closed");
        outcome.failed(failure);
        outcome.ok();

        assertEquals("failed:java.lang.IllegalStateException", outcome.await(SHORT));
        assertSame(failure, outcome.error());
    }

    /** A connection that does nothing: the recorder only compares instances. */
    private static final class Idle implements Connection {
        @Override
        public void sendText(String text, SendResult result) {
        }

        @Override
        public void sendPing(ByteBuffer payload) {
        }

        @Override
        public void close(int code, String reason) {
        }

        @Override
        public void abort() {
        }
    }
}
