package io.wsbed.harness.schedule;

/** SIGKILL the server (its whole process tree), then wait until it is gone. */
public record KillServer() implements Step {
    @Override
    public void run(Stage stage) {
        stage.fault("kill-server", "target", stage.server().label());
        stage.server().kill();
        stage.awaitGone(stage.server());
    }
}
