package io.wsbed.harness.report;

import io.wsbed.harness.check.HandshakeTime;
import io.wsbed.harness.metrics.Millis;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.scenario.Scenarios;
import io.wsbed.harness.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * summary.md's "wss vs ws" section: every measured wss cell beside its plain nginx twin (same
 * scenario, stacks and profile), the key figure and handshake_ms of each, and what differs:
 * the pairs whose verdicts disagree, the largest key-figure difference among those that agree,
 * and what TLS added to the handshake. Only measured cells count (no SKIPPED, no ERROR); a run
 * without a measured wss cell has no section.
 */
final class WssComparison {
    private WssComparison() {
    }

    /** One wss cell and its plain nginx twin, when the run measured one. */
    record Pair(CellResult wss, Optional<CellResult> ws) {
        String keyMetric() {
            return Scenarios.create(wss.scenario()).keyMetric();
        }

        boolean verdictsAgree() {
            return ws.map(w -> w.verdict() == wss.verdict()).orElse(true);
        }

        /** |wss - ws| of the key figure, when both measured it. */
        Optional<Double> keyDifference() {
            Double a = number(wss, keyMetric());
            Double b = ws.map(w -> number(w, keyMetric())).orElse(null);
            return a == null || b == null ? Optional.empty() : Optional.of(Math.abs(a - b));
        }

        /** {@code metric} over wss minus over plain nginx, when both have it. */
        Optional<Double> extra(String metric) {
            Double a = number(wss, metric);
            Double b = ws.map(w -> number(w, metric)).orElse(null);
            return a == null || b == null ? Optional.empty() : Optional.of(a - b);
        }
    }

    static List<Pair> pairs(Results r) {
        List<Pair> pairs = new ArrayList<>();
        for (CellResult c : r.cells()) {
            if (c.path() == NetworkPath.WSS && measured(c)) {
                Optional<CellResult> twin = r.cells().stream().filter(t -> t.path() == NetworkPath.NGINX && measured(t)
                        && t.scenario().equals(c.scenario()) && t.server().equals(c.server())
                        && t.client().equals(c.client()) && t.profile().equals(c.profile())).findFirst();
                pairs.add(new Pair(c, twin));
            }
        }
        pairs.sort(Comparator.comparing((Pair p) -> p.wss().scenario()).thenComparing(p -> p.wss().client()));
        return pairs;
    }

    static void append(StringBuilder md, Results r) {
        List<Pair> pairs = pairs(r);
        if (pairs.isEmpty()) {
            return;
        }
        md.append("## wss vs ws\n\nnginx terminates TLS in front of the same server stack; each row is a client over"
                + " plain nginx (ws) and over nginx with TLS (wss). handshake (ms): from the client's ready (before its"
                + " first connection attempt) to its first open, a cold process; reconnect handshake (ms): from the"
                + " start of the attempt that reopened after the fault to its open, a warm one.\n\n"
                + "| scenario | server x client | profile | ws | wss | handshake ws | handshake wss"
                + " | reconnect handshake ws | reconnect handshake wss |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (Pair p : pairs) {
            md.append("| ").append(p.wss().scenario()).append(" | ").append(p.wss().server()).append(" x ")
                    .append(p.wss().client()).append(" | ").append(p.wss().profile()).append(" | ")
                    .append(p.ws().map(WssComparison::brief).orElse("not measured")).append(" | ")
                    .append(brief(p.wss())).append(" | ")
                    .append(figure(p.ws(), HandshakeTime.METRIC)).append(" | ")
                    .append(figure(Optional.of(p.wss()), HandshakeTime.METRIC)).append(" | ")
                    .append(figure(p.ws(), HandshakeTime.RECONNECT_METRIC)).append(" | ")
                    .append(figure(Optional.of(p.wss()), HandshakeTime.RECONNECT_METRIC)).append(" |\n");
        }
        md.append('\n').append(conclusion(pairs)).append("\n\n");
    }

    /** What differs, in sentences made from the measured pairs only. */
    static String conclusion(List<Pair> pairs) {
        List<Pair> twinned = pairs.stream().filter(p -> p.ws().isPresent()).toList();
        if (twinned.isEmpty()) {
            return "No wss cell has a measured plain nginx twin in this run (run --paths nginx,wss to compare).";
        }
        StringBuilder out = new StringBuilder();
        List<Pair> disagree = twinned.stream().filter(p -> !p.verdictsAgree()).toList();
        if (disagree.isEmpty()) {
            out.append("Verdicts agree in ").append(twinned.size() == 1 ? "the one pair." : "all " + twinned.size() + " pairs.");
        } else {
            out.append("Verdicts differ in ").append(disagree.size()).append(" of ").append(twinned.size()).append(" pairs: ");
            List<String> names = disagree.stream().map(p -> p.wss().scenario() + " " + p.wss().client() + " ("
                    + p.ws().get().verdict() + " over ws, " + p.wss().verdict() + " over wss)").toList();
            out.append(String.join(", ", names)).append('.');
        }
        twinned.stream().filter(Pair::verdictsAgree).filter(p -> p.keyDifference().isPresent())
                .max(Comparator.comparing(p -> p.keyDifference().get()))
                .ifPresent(p -> out.append(" Where they agree, no key figure differs by more than ")
                        .append(Millis.format(p.keyDifference().get())).append(" ms (").append(p.keyMetric()).append(", ")
                        .append(p.wss().scenario()).append(' ').append(p.wss().client()).append(").")) ;
        spread(out, twinned, HandshakeTime.METRIC, "handshake");
        spread(out, twinned, HandshakeTime.RECONNECT_METRIC, "reconnect handshake");
        return out.toString();
    }

    /** " wss minus ws, <name>: median X ms over N pairs (A to B ms)." when some pair has the figure on both paths. */
    private static void spread(StringBuilder out, List<Pair> twinned, String metric, String name) {
        List<Double> extra = twinned.stream().map(p -> p.extra(metric)).flatMap(Optional::stream).sorted().toList();
        if (!extra.isEmpty()) {
            out.append(" wss minus ws, ").append(name).append(": median ").append(Millis.format(Figures.median(extra)))
                    .append(" ms over ").append(extra.size()).append(extra.size() == 1 ? " pair (" : " pairs (")
                    .append(Millis.format(extra.get(0))).append(" to ").append(Millis.format(extra.get(extra.size() - 1)))
                    .append(" ms).");
        }
    }

    private static String figure(Optional<CellResult> c, String metric) {
        return c.map(x -> Millis.format(number(x, metric))).orElse("-");
    }

    private static boolean measured(CellResult c) {
        return c.verdict() != Verdict.SKIPPED && c.verdict() != Verdict.ERROR;
    }

    private static String brief(CellResult c) {
        return c.verdict() + (c.keyFigure().isEmpty() ? "" : " " + c.keyFigure().replace("|", "\\|"));
    }

    /** The figure, or its p50 in a repeated cell. */
    private static Double number(CellResult c, String metric) {
        return Figures.number(c.metrics().get(metric));
    }
}
