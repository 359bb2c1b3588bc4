package io.wsbed.harness.schedule;

import io.wsbed.harness.process.Freeze;

/**
 * SIGSTOP one side's process tree for {@code ms}, then SIGCONT: a peer that stops answering without
 * closing (a GC pause, a frozen VM). Marks the fault {@code freeze} once the tree is stopped and
 * {@code recover} kind {@code thaw} once it is continued; whatever ends the wait early (an
 * exception, an interrupt) thaws it first.
 */
public record FreezePeer(Side side, long ms) implements Step {
    @Override
    public void run(Stage stage) {
        String target = stage.process(side).label();
        try (Freeze freeze = stage.process(side).freeze()) {
            long t0 = stage.fault("freeze", "target", target, "side", side.id(), "freeze_ms", ms,
                    "processes", freeze.pids().size());
            stage.ctx().sleepUntil(t0 + ms * 1000);
            // The mark goes where the SIGCONT was asked for: the process may run again before kill(1) returns.
            long thaw = stage.ctx().timeline().nowMicros();
            freeze.thaw();
            stage.recoverAt(thaw, "thaw");
        }
    }
}
