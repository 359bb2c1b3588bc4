package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.link.DataPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Every proxy of one server, by name in sorted order (the reference's JSON map has sorted keys, and
 * toxiproxy-java's own test relies on it). Lock order: registry, then proxy.
 */
public final class ProxyRegistry implements AutoCloseable {
    private final DataPlane plane;
    private final TreeMap<String, Proxy> proxies = new TreeMap<>();
    private boolean closed;

    public ProxyRegistry(DataPlane plane) {
        this.plane = plane;
    }

    /** Creates a proxy, bound before this returns when enabled (the default). */
    public synchronized ProxyView create(ProxySettings settings) {
        requireFields(settings, "");
        if (proxies.containsKey(settings.name())) {
            throw ToxiproxyException.proxyExists();
        }
        Proxy proxy = newProxy(settings);
        if (settings.enabled() == null || settings.enabled()) {
            proxy.start(); // a failed bind throws, and the proxy is not added
        }
        proxies.put(proxy.name(), proxy);
        return proxy.view();
    }

    public synchronized Proxy get(String name) {
        Proxy proxy = proxies.get(name);
        if (proxy == null) {
            throw ToxiproxyException.proxyNotFound();
        }
        return proxy;
    }

    public synchronized List<ProxyView> list() {
        return proxies.values().stream().map(Proxy::view).toList();
    }

    public synchronized void delete(String name) {
        get(name).stop();
        proxies.remove(name);
    }

    /**
     * Creates or replaces proxies in order. All entries are validated first; processing stops at
     * the first failure, and the outcome carries the proxies done so far. An existing proxy with the
     * same listen and upstream is kept as it is.
     */
    public synchronized PopulateOutcome populate(List<ProxySettings> entries) {
        for (int i = 0; i < entries.size(); i++) {
            requireFields(entries.get(i), " at proxy " + (i + 1));
        }
        List<ProxyView> done = new ArrayList<>();
        for (ProxySettings settings : entries) {
            try {
                done.add(addOrReplace(settings));
            } catch (ToxiproxyException e) {
                return new PopulateOutcome(done, e);
            }
        }
        return new PopulateOutcome(done, null);
    }

    /** Starts every disabled proxy, then removes every toxic; the first start failure stops it. */
    public synchronized void reset() {
        for (Proxy proxy : proxies.values()) {
            proxy.start();
            proxy.removeAllToxics();
        }
    }

    /** Stops every proxy (listeners and connections); the registry accepts nothing afterwards. */
    @Override
    public synchronized void close() {
        closed = true;
        proxies.values().forEach(Proxy::stop);
        proxies.clear();
    }

    private ProxyView addOrReplace(ProxySettings settings) {
        Proxy existing = proxies.get(settings.name());
        String listen = settings.listen() == null ? "" : settings.listen();
        if (existing != null) {
            if (existing.listen().equals(listen) && existing.upstream().equals(settings.upstream())) {
                return existing.view();
            }
            existing.stop();
        }
        Proxy proxy = newProxy(settings);
        if (settings.enabled() == null || settings.enabled()) {
            proxy.start();
        }
        proxies.put(proxy.name(), proxy);
        return proxy.view();
    }

    private Proxy newProxy(ProxySettings settings) {
        if (closed) {
            throw ToxiproxyException.internal("server is shutting down");
        }
        String listen = settings.listen() == null ? "" : settings.listen();
        return new Proxy(settings.name(), listen, settings.upstream(), plane);
    }

    private static void requireFields(ProxySettings settings, String where) {
        if (settings.name() == null || settings.name().isEmpty()) {
            throw ToxiproxyException.missingField("name" + where);
        }
        if (settings.upstream() == null || settings.upstream().isEmpty()) {
            throw ToxiproxyException.missingField("upstream" + where);
        }
    }
}
