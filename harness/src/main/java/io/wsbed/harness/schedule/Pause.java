package io.wsbed.harness.schedule;

import java.time.Duration;

/** Let {@code ms} pass: what follows a fault (delayed messages landing, a few more ticks) gets recorded. */
public record Pause(long ms) implements Step {
    @Override
    public void run(Stage stage) {
        CellContext.sleep(Duration.ofMillis(ms));
    }
}
