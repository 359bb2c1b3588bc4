package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.toxic.ToxicSpec;
import java.util.List;

/** An immutable snapshot of a proxy for rendering: toxics upstream first, each in insertion order. */
public record ProxyView(String name, String listen, String upstream, boolean enabled, List<ToxicSpec> toxics) {
    public ProxyView {
        toxics = List.copyOf(toxics);
    }
}
