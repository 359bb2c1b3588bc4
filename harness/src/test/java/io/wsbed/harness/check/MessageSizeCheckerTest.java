package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.ERROR;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;

import org.junit.jupiter.api.Test;

/** message-size: what became of each big message, and the cell's worst case. */
class MessageSizeCheckerTest {

    @Test
    void acceptedAndRefusedWith1009PassAndTheSendersFailureIsNotCountedTwice() {
        Fixture.load("message-size", "pass-1009").check()
                .is(PASS, "Client to server 64 KiB accepted in 25.6 ms", "server to client 64 KiB accepted in 15.1 ms",
                        "client to server 1 MiB refused with 1009 after 12.1 ms", "server to client 1 MiB accepted in 31.9 ms")
                .metrics("accepted", 3, "cases", 4, "c2s_64k_ms", 25.6, "s2c_64k_ms", 15.1, "c2s_1m_ms", 12.1, "s2c_1m_ms", 31.9)
                .observations("c2s_64k_outcome", "accepted", "c2s_1m_outcome", "refused-1009", "s2c_1m_outcome", "accepted")
                .keyFigure("3/4 accepted");
    }

    @Test
    void aSendApiThatRefusesTheMessageToldItsApplication() {
        Fixture.load("message-size", "pass-send-refused").check()
                .is(PASS, "Client to server 1 MiB refused by the sender's send API (threw java.lang.IllegalArgumentException)")
                .metrics("accepted", 0, "cases", 1, "c2s_1m_ms", 3.0)
                .observations("c2s_1m_outcome", "send-refused")
                .keyFigure("0/1 accepted");
    }

    @Test
    void anErrorWithoutACloseThatLeavesTheSenderUntoldIsDegraded() {
        Fixture.load("message-size", "degraded-error-half-open").check()
                .is(DEGRADED, "ended with an error and no close code (java.lang.IllegalStateException on server-1;"
                        + " the sender was told nothing)")
                .metrics("accepted", 0, "cases", 1, "c2s_1m_ms", 19.7)
                .observations("c2s_1m_outcome", "error");
        // The close that follows the harness's repair is not the stack's answer: without the repair mark it would be.
        Fixture.load("message-size", "degraded-error-half-open")
                .without(e -> e.source().equals("harness") && e.ev().equals("repair")).check()
                .is(DEGRADED, "ended with close 1006 (told server-1), not 1009");
    }

    @Test
    void aCloseWithAnotherCodeThan1009IsDegraded() {
        Fixture.load("message-size", "degraded-closed-1006").check()
                .is(DEGRADED, "Server to client 1 MiB ended with close 1006 (told server-1), not 1009")
                .metrics("accepted", 0, "cases", 1, "s2c_1m_ms", 31.0)
                .observations("s2c_1m_outcome", "closed-1006");
    }

    @Test
    void nothingWithinTheBoundWithTheSessionOpenIsASilentDropAndFails() {
        Fixture.load("message-size", "fail-dropped").check()
                .is(FAIL, "silently dropped: no receipt, refusal or close within 5000 ms and the session stayed open")
                .metrics("accepted", 0, "cases", 1, "c2s_1m_ms", null)
                .observations("c2s_1m_outcome", "dropped");
    }

    @Test
    void aProcessThatDiedFailsWhatEverTheOtherSideSaw() {
        Fixture.load("message-size", "fail-died").check()
                .is(FAIL, "Client to server 16 MiB killed server-1 (exit code 3)")
                .metrics("accepted", 0, "cases", 1, "c2s_16m_ms", 1000.0)
                .observations("c2s_16m_outcome", "died");
    }

    @Test
    void theWorstCaseDecidesTheCell() {
        // The dropped message's history with an accepted one before it: still FAIL.
        Fixture.load("message-size", "fail-dropped").map(e -> e).check().is(FAIL);
        Fixture.load("message-size", "pass-1009")
                .without(e -> e.source().equals("client-1") && e.ev().equals("recv") && e.ms() > 400).check()
                .is(FAIL, "server to client 1 MiB silently dropped", "Client to server 64 KiB accepted")
                .figures("accepted", 2, "cases", 4);
    }

    @Test
    void withoutABigMarkTheHarnessFailed() {
        Fixture.load("message-size", "pass-1009")
                .without(e -> e.source().equals("harness") && e.ev().equals("fault")).check()
                .is(ERROR, "no harness 'fault' mark of kind big");
    }
}
