package io.wsbed.harness.report;

import static io.wsbed.harness.report.HandMadeRun.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackCardsTest {

    private static StackCards.Card card(String id) {
        return StackCards.of(HandMadeRun.disagreeing()).stream().filter(c -> c.stack().id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Test
    void oneCardPerStackInTheOrderResultsListsThem() {
        assertEquals(List.of("jdk", "jetty", "okhttp", "tyrus", "undertow"),
                StackCards.of(HandMadeRun.disagreeing()).stream().map(c -> c.stack().id()).toList());
    }

    @Test
    void saysWhatTheStacksOwnSideWasToldInEachFault() {
        assertEquals(List.of(new StackCards.Said("server", "proxy-down",
                        "close 1001 \"UT002046: Closing WebSocket, peer went away.\"",
                        List.of("proxy-down.undertow.jdk.heartbeat.toxiproxy")),
                new StackCards.Said("server", "client-crash", "close 1006", List.of("client-crash.undertow.jdk.default.direct"))),
                card("undertow").told(), "in the server view the client's told is the reference client's, not undertow's");
    }

    @Test
    void saysHowItsSendApiAnsweredAfterClose() {
        assertEquals(List.of(new StackCards.Said("client", "send after local close", "false",
                List.of("send-after-close.jetty.okhttp.default.direct"))), card("okhttp").sends());
        assertEquals("failed java.io.IOException", card("jdk").sends().get(0).what());
    }

    @Test
    void setsEachFigureAgainstTheMedianOfItsViewInTheSameScenario() {
        StackCards.Figure proxy = card("undertow").figures().stream().filter(f -> f.scenario().equals("proxy-down"))
                .findFirst().orElseThrow();
        assertEquals(new StackCards.Figure("server", "proxy-down", "client_detect_ms", 150.0, 1, 11.0, 3, true), proxy);
    }

    @Test
    void mediansTheProcessStartsOfEachRoleAgainstEveryStacks() {
        HandMadeRun r = new HandMadeRun();
        r.cell("server-crash", "jetty", "jdk", "default", "direct", Verdict.PASS, map(), map(), map("process_start_ms",
                map("server-1", 800, "client-1", 400, "server-2", 600, "nginx", 50)));
        r.cell("server-crash", "undertow", "jdk", "default", "direct", Verdict.PASS, map(), map(), map("process_start_ms",
                map("server-1", 500, "client-1", 420)));
        StackCards.Card jetty = StackCards.of(r.results()).get(1);
        assertEquals(List.of(new StackCards.Start("server", 700.0, 2, 600.0, 3)), jetty.starts());
        StackCards.Card jdk = StackCards.of(r.results()).get(0);
        assertEquals(List.of(new StackCards.Start("client", 410.0, 2, 410.0, 2)), jdk.starts());
    }

    @Test
    void listsEveryPredictionAboutTheStackMeasuredOrNot() {
        List<Predictions.Check> tyrus = card("tyrus").predictions();
        assertTrue(tyrus.stream().allMatch(c -> c.key().startsWith("tyrus.")));
        // In key order: client idle timeout, killed peer, send after close; then the same for the server.
        assertEquals(List.of("not measured", "not measured", "saw instead", "not measured", "confirmed", "not measured"),
                tyrus.stream().map(Predictions.Check::status).toList(), tyrus.toString());
    }
}
