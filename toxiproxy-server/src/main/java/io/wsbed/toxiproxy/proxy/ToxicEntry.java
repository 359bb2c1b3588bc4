package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.link.ToxicStage;
import io.wsbed.toxiproxy.toxic.ToxicSpec;

/**
 * One toxic of a proxy: holds its current spec, which the stages on every live link read, so an
 * update is one volatile write followed by a restart of those stages.
 */
final class ToxicEntry {
    private volatile ToxicSpec spec;

    ToxicEntry(ToxicSpec spec) {
        this.spec = spec;
    }

    ToxicSpec spec() {
        return spec;
    }

    void spec(ToxicSpec updated) {
        this.spec = updated;
    }

    /** A stage for one new link. */
    ToxicStage newStage() {
        return spec.type().newStage(this::spec);
    }
}
