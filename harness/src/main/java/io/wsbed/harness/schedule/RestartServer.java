package io.wsbed.harness.schedule;

import java.time.Duration;

/**
 * Start the server again on the same port, the restart delay after the stimulus; the
 * {@code restart} mark names the new process and is the start of server_restart_ms.
 */
public record RestartServer() implements Step {
    @Override
    public void run(Stage stage) {
        stage.ctx().sleepUntil(stage.t0() + stage.timings().restartDelayMs() * 1000);
        stage.mark("restart", "target", stage.ctx().nextServerLabel(), "port", stage.server().port());
        stage.restartServer(Duration.ofSeconds(5));
    }
}
