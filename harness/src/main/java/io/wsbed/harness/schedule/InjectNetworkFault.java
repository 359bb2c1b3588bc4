package io.wsbed.harness.schedule;

import java.util.ArrayList;
import java.util.List;

/** Apply a network fault on the cell's Toxiproxy proxy; the fault mark is the stimulus. */
public record InjectNetworkFault(NetworkFault fault) implements Step {
    @Override
    public boolean takesTurn() {
        return fault.noticedAtOnce();
    }

    @Override
    public void run(Stage stage) {
        List<Object> fields = new ArrayList<>();
        fault.markFields().forEach((k, v) -> {
            fields.add(k);
            fields.add(v);
        });
        stage.fault(fault.kind(), fields.toArray());
        NetworkFault.run(() -> fault.apply(stage.toxiproxy()), "apply " + fault.kind());
        stage.active(fault);
        stage.mark("proxy", "toxics", "applied");
    }
}
