package io.wsbed.harness.report;

import static io.wsbed.harness.report.HandMadeRun.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void farMeansMoreThanThreeTimesAndMoreThanFiftyMs() {
        assertTrue(Figures.far(10, 61), "6.1x and 51 ms");
        assertFalse(Figures.far(10, 60), "exactly 50 ms apart is not more");
        assertFalse(Figures.far(30, 90), "exactly 3x is not more");
        assertFalse(Figures.far(1, 40), "40x but 39 ms");
        assertTrue(Figures.far(0, 51), "anything against nothing, once 50 ms apart");
        assertTrue(Figures.far(300, 20), "either way round");
    }

    @Test
    void takesDetectionReconnectAndTheKeyTimeAsNumbersOrP50s() {
        var r = new HandMadeRun().cell("reconnect-storm", "jetty", "jdk", "default", "direct", Verdict.PASS,
                map("all_back_ms", 800.0, "reconnect_p95_ms", 700.0, "client_detect_ms", map("p50", 4.0, "p95", 9.0),
                        "server_detect_ms", null, "reconnect_ms", 90, "silent_loss", 3), map()).results();
        assertEquals(List.of("all_back_ms", "client_detect_ms", "reconnect_ms"),
                List.copyOf(Figures.of(r.cells().get(0)).keySet()));
        assertEquals(4.0, Figures.of(r.cells().get(0)).get("client_detect_ms"));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(11.0, Figures.median(List.of(150.0, 3.0, 11.0)));
        assertEquals(6.5, Figures.median(List.of(10.0, 3.0)));
    }
}
