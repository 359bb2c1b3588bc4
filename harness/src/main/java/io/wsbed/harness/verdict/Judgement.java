package io.wsbed.harness.verdict;

import java.util.Objects;

/** A verdict with its one-sentence reason. */
public record Judgement(Verdict verdict, String reason) {

    public Judgement {
        Objects.requireNonNull(verdict, "verdict");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a verdict needs a reason");
        }
    }

    public static Judgement pass(String reason) {
        return new Judgement(Verdict.PASS, reason);
    }

    public static Judgement degraded(String reason) {
        return new Judgement(Verdict.DEGRADED, reason);
    }

    public static Judgement fail(String reason) {
        return new Judgement(Verdict.FAIL, reason);
    }

    public static Judgement skipped(String reason) {
        return new Judgement(Verdict.SKIPPED, reason);
    }

    public static Judgement error(String reason) {
        return new Judgement(Verdict.ERROR, reason);
    }
}
