package io.wsbed.toxiproxy.toxic;

import io.wsbed.toxiproxy.link.ToxicStage;
import java.util.function.Supplier;

/** A stage that reads its toxicity and attributes from the toxic's live spec. */
abstract class SpecStage extends ToxicStage {
    private final Supplier<ToxicSpec> spec;

    SpecStage(Supplier<ToxicSpec> spec) {
        this.spec = spec;
    }

    protected final long attribute(String key) {
        return spec.get().attribute(key);
    }

    @Override
    protected final double toxicity() {
        return spec.get().toxicity();
    }
}
