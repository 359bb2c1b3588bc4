package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import java.util.function.Supplier;

/**
 * The {@code slow_close} toxic: data passes unchanged; end-of-stream is held for {@code delay} ms,
 * so the peer on the output side sees its FIN late. An update restarts the delay with the new
 * value; removal or connection death lets the end through at once.
 */
final class SlowCloseStage extends SpecStage {
    SlowCloseStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        next().accept(chunk);
    }

    @Override
    protected void finish(Run run) {
        Run current = run;
        while (current.active() && !sleepMillis(attribute("delay"), current)) {
            current = run();
        }
        next().end();
    }
}
