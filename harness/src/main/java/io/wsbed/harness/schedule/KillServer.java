package io.wsbed.harness.schedule;

/** SIGKILL the server (its whole process tree), then wait until it is gone. */
public record KillServer() implements Step {
    @Override
    public boolean takesTurn() {
        return true;
    }

    @Override
    public void run(Stage stage) {
        Runnable kill = stage.server().prepareKill(); // finding the process tree takes time: not inside the figure
        stage.fault("kill-server", "target", stage.server().label());
        kill.run();
        stage.awaitGone(stage.server());
    }
}
