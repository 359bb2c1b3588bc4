package io.wsbed.harness.schedule;

/** Start a fresh client as the setup describes (the old one is gone); it becomes the stage's client. */
public record StartClient() implements Step {
    @Override
    public void run(Stage stage) {
        stage.startClient();
    }
}
