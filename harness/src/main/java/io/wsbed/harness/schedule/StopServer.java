package io.wsbed.harness.schedule;

/** Ask the server to stop gracefully (the contract's {@code stop}: sessions closed with 1001), then wait until it is gone. */
public record StopServer() implements Step {
    @Override
    public boolean takesTurn() {
        return true;
    }

    @Override
    public void run(Stage stage) {
        stage.fault("stop-server", "target", stage.server().label());
        stage.server().command("stop");
        stage.awaitGone(stage.server());
    }
}
