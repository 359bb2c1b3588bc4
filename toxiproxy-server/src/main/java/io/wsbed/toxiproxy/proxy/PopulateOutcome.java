package io.wsbed.toxiproxy.proxy;

import java.util.List;

/** The result of /populate: the proxies done, in order, and the failure that stopped it (or null). */
public record PopulateOutcome(List<ProxyView> proxies, ToxiproxyException failure) {
    public PopulateOutcome {
        proxies = List.copyOf(proxies);
    }
}
