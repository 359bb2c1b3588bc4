package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.Chunk;
import java.util.function.Supplier;

/** The {@code noop} toxic: passes everything through unchanged. */
final class NoopStage extends SpecStage {
    NoopStage(Supplier<ToxicSpec> spec) {
        super(spec);
    }

    @Override
    protected void process(Chunk chunk, Run run) {
        next().accept(chunk);
    }
}
