package io.wsbed.harness.schedule;

/** SIGKILL the client, then wait until it is gone. */
public record KillClient() implements Step {
    @Override
    public boolean takesTurn() {
        return true;
    }

    @Override
    public void run(Stage stage) {
        Runnable kill = stage.client().prepareKill(); // finding the process tree takes time: not inside the figure
        stage.fault("kill-client", "target", stage.client().label());
        kill.run();
        stage.awaitGone(stage.client());
    }
}
