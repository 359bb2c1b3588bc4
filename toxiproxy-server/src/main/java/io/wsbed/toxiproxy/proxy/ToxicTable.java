package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.link.Direction;
import io.wsbed.toxiproxy.link.ToxicStage;
import io.wsbed.toxiproxy.toxic.ToxicSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The toxics of one proxy: one insertion-ordered list per direction, names unique across both.
 * Guarded by the owning proxy's lock.
 */
final class ToxicTable {
    private final Map<Direction, LinkedHashMap<String, ToxicEntry>> byDirection = new EnumMap<>(Direction.class);

    ToxicTable() {
        for (Direction d : Direction.values()) {
            byDirection.put(d, new LinkedHashMap<>());
        }
    }

    boolean contains(String name) {
        return find(name) != null;
    }

    ToxicEntry find(String name) {
        for (LinkedHashMap<String, ToxicEntry> chain : byDirection.values()) {
            ToxicEntry entry = chain.get(name);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    ToxicEntry add(ToxicSpec spec) {
        ToxicEntry entry = new ToxicEntry(spec);
        byDirection.get(spec.direction()).put(spec.name(), entry);
        return entry;
    }

    void remove(ToxicSpec spec) {
        byDirection.get(spec.direction()).remove(spec.name());
    }

    /** Every toxic: the upstream chain first, then the downstream one, as the reference lists them. */
    List<ToxicSpec> all() {
        List<ToxicSpec> specs = new ArrayList<>();
        for (Direction d : List.of(Direction.UPSTREAM, Direction.DOWNSTREAM)) {
            byDirection.get(d).values().forEach(e -> specs.add(e.spec()));
        }
        return specs;
    }

    /** Fresh stages for a new link in {@code direction}, in chain order. */
    Map<String, ToxicStage> newStages(Direction direction) {
        Map<String, ToxicStage> stages = new LinkedHashMap<>();
        byDirection.get(direction).forEach((name, entry) -> stages.put(name, entry.newStage()));
        return stages;
    }
}
