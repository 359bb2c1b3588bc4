package io.wsbed.harness.schedule;

/** SIGKILL the client, then wait until it is gone. */
public record KillClient() implements Step {
    @Override
    public void run(Stage stage) {
        stage.fault("kill-client", "target", stage.client().label());
        stage.client().kill();
        stage.awaitGone(stage.client());
    }
}
