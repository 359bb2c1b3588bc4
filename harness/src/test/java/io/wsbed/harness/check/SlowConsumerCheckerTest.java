package io.wsbed.harness.check;

import static io.wsbed.harness.verdict.Verdict.DEGRADED;
import static io.wsbed.harness.verdict.Verdict.ERROR;
import static io.wsbed.harness.verdict.Verdict.FAIL;
import static io.wsbed.harness.verdict.Verdict.PASS;

import org.junit.jupiter.api.Test;

/** slow-consumer: a server flooding a client that reads nothing blocks, refuses, cuts, or queues. */
class SlowConsumerCheckerTest {

    @Test
    void aSendCallThatBlocksProtectsTheServer() {
        Fixture.load("slow-consumer", "pass-blocked").check()
                .is(PASS, "The server held: the send call blocked", "3864 send calls: 3864 ok",
                        "one call still blocked after 3700 ms")
                .figures("rss_growth_mib_s", 0.2, "rss_start_mib", 50.0, "rss_peak_mib", 50.8, "calls", 3864,
                        "accepted_last_s", 0, "cut_ms", null, "died_ms", null)
                .observations("flood_end", "stuck", "server_told", "nothing")
                .keyFigure("0.2 MiB/s");
    }

    @Test
    void aServerThatClosesTheStalledClientPasses() {
        Fixture.load("slow-consumer", "pass-cut").check()
                .is(PASS, "The server cut the stalled client after 1510 ms (close 1008 \"send queue full\")")
                .figures("cut_ms", 1510.0, "calls", 30000, "ok", 3800, "pending", 26200)
                .observations("server_close_code", 1008L, "flood_end", "session-ended");
    }

    @Test
    void aSendTheApiRefusesProtectsTheServer() {
        Fixture.load("slow-consumer", "pass-refused").check()
                .is(PASS, "refused messages to the stalled client (1 failed, first java.net.SocketTimeoutException)")
                .figures("failed", 1)
                .observations("flood_error", "java.net.SocketTimeoutException");
    }

    @Test
    void anApiThatKeepsTakingMessagesWhileTheMemoryGrowsIsDegradedWithTheRate() {
        Fixture.load("slow-consumer", "degraded-growing").check()
                .is(DEGRADED, "kept taking messages (30000 in the last second)", "memory grew at 30.0 MiB/s")
                .figures("rss_growth_mib_s", 30.0, "accepted_last_s", 30000, "calls", 120000, "pending", 0, "cut_ms", null)
                .observations("server_told", "nothing")
                .keyFigure("30.0 MiB/s");
    }

    @Test
    void anApiThatStalledButHoldsWhatItTookWhileTheMemoryGrowsIsDegraded() {
        Fixture.load("slow-consumer", "degraded-queued-stalled").check()
                .is(DEGRADED, "The send API took 56200 messages it could not send", "memory grew at 30.0 MiB/s")
                .figures("accepted_last_s", 0, "pending", 56200);
    }

    @Test
    void anApiThatKeepsTakingMessagesWithFlatMemoryDropsThemAndPasses() {
        Fixture.load("slow-consumer", "pass-flat").check()
                .is(PASS, "the memory stayed flat while the API kept taking messages")
                .figures("rss_growth_mib_s", 0.0, "accepted_last_s", 30000);
    }

    @Test
    void aSendThatFailsWithOutOfMemoryIsTheQueueAtItsLimit() {
        Fixture.load("slow-consumer", "degraded-oom-error").check()
                .is(DEGRADED, "ran out of memory queueing for the stalled client (io.netty.handler.codec.EncoderException"
                        + " caused by OutOfMemoryError)")
                .figures("failed", 1, "died_ms", null);
    }

    @Test
    void anOutOfMemoryDeathIsDegradedAndNamed() {
        Fixture.load("slow-consumer", "degraded-oom-death").check()
                .is(DEGRADED, "The server died of out-of-memory 3050 ms into the flood (exit code 3")
                .figures("died_ms", 3050.0)
                .observations("exit_code", 3);
    }

    @Test
    void aNodeServerThatHitsV8sHeapLimitAbortsAndThatIsTheSameOutOfMemoryDeath() {
        Fixture.load("slow-consumer", "degraded-v8-heap-abort").check()
                .is(DEGRADED, "The server died of out-of-memory 3050 ms into the flood (exit code 134")
                .observations("exit_code", 134);
    }

    @Test
    void anotherDeathFails() {
        Fixture.load("slow-consumer", "fail-died").check()
                .is(FAIL, "The server died 1050 ms into the flood (exit code 139, not the out-of-memory exit)")
                .figures("died_ms", 1050.0)
                .observations("exit_code", 139);
    }

    @Test
    void withoutTheFloodMarkOrMemorySamplesTheHarnessFailed() {
        Fixture.load("slow-consumer", "pass-cut")
                .without(e -> e.source().equals("harness") && e.ev().equals("flood")).check()
                .is(ERROR, "no harness 'flood' mark");
        Fixture.load("slow-consumer", "pass-cut")
                .without(e -> e.source().equals("harness") && e.ev().equals("rss")).check()
                .is(ERROR, "no rss sample of server-1");
    }
}
