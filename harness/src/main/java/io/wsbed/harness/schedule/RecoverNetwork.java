package io.wsbed.harness.schedule;

/** Take the active network fault away: the {@code recover} mark. */
public record RecoverNetwork() implements Step {
    @Override
    public void run(Stage stage) {
        NetworkFault fault = stage.active();
        stage.recover(fault.kind());
        NetworkFault.run(() -> fault.recover(stage.toxiproxy()), "recover " + fault.kind());
    }
}
