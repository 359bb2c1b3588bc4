package io.wsbed.harness.schedule;

/** Keep the fault until {@code ms} after the stimulus. */
public record Hold(long ms) implements Step {
    @Override
    public void run(Stage stage) {
        stage.ctx().sleepUntil(stage.t0() + ms * 1000);
    }
}
