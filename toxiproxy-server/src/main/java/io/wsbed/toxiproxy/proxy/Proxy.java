package io.wsbed.toxiproxy.proxy;

import io.wsbed.toxiproxy.link.Connection;
import io.wsbed.toxiproxy.link.DataPlane;
import io.wsbed.toxiproxy.link.Direction;
import io.wsbed.toxiproxy.link.Sockets;
import io.wsbed.toxiproxy.toxic.ToxicSpec;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One named proxy: its listen and upstream addresses, the listener while enabled, its toxics, and
 * the live connections those toxics act on. Every public method is atomic with respect to the
 * others; none waits for data to move.
 */
public final class Proxy {
    /** The reference dials without a timeout; a bound keeps the accept loop from hanging for good. */
    private static final int DIAL_TIMEOUT_MILLIS = 10_000;

    private final String name;
    private final DataPlane plane;
    private final ToxicTable toxics = new ToxicTable();
    private final Set<Connection> connections = new HashSet<>();
    private String listen;
    private String upstream;
    private ProxyListener listener;
    private long connectionCount;

    Proxy(String name, String listen, String upstream, DataPlane plane) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.plane = plane;
    }

    public String name() {
        return name;
    }

    public synchronized ProxyView view() {
        return new ProxyView(name, listen, upstream, listener != null, toxics.all());
    }

    synchronized boolean enabled() {
        return listener != null;
    }

    synchronized String listen() {
        return listen;
    }

    synchronized String upstream() {
        return upstream;
    }

    /** Binds the stored listen address; from then on {@code listen} is the actual address. */
    synchronized void start() {
        if (listener != null) {
            return;
        }
        ProxyListener bound = ProxyListener.bind(listen);
        listener = bound;
        listen = bound.boundAddress();
        bound.start(plane, name, this::accepted);
    }

    /** Stops listening and closes every connection (data held in toxics is lost). */
    synchronized void stop() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        List<Connection> open = new ArrayList<>(connections);
        connections.clear();
        open.forEach(Connection::kill);
    }

    /**
     * Applies a partial update: a different (resolved) listen or upstream restarts the proxy, which
     * drops its connections; then {@code enabled} is honoured. After a failed restart the proxy stays
     * disabled with the new addresses stored, as in the reference.
     */
    public synchronized ProxyView update(ProxySettings changes) {
        String newListen = changes.listen() == null ? listen : changes.listen();
        String newUpstream = changes.upstream() == null ? upstream : changes.upstream();
        boolean wantEnabled = changes.enabled() == null ? listener != null : changes.enabled();
        boolean differs = !Addresses.resolvedForm(newListen).equals(listen) || !newUpstream.equals(upstream);
        if (differs) {
            stop();
            listen = newListen;
            upstream = newUpstream;
        }
        if (wantEnabled) {
            start();
        } else {
            stop();
        }
        return view();
    }

    public synchronized boolean hasToxic(String toxicName) {
        return toxics.contains(toxicName);
    }

    public synchronized ToxicSpec toxic(String toxicName) {
        ToxicEntry entry = toxics.find(toxicName);
        if (entry == null) {
            throw ToxiproxyException.toxicNotFound();
        }
        return entry.spec();
    }

    public synchronized List<ToxicSpec> toxics() {
        return toxics.all();
    }

    /** Adds a toxic at the end of its direction's chain, on every live connection too. */
    public synchronized ToxicSpec addToxic(ToxicSpec spec) {
        if (toxics.contains(spec.name())) {
            throw ToxiproxyException.toxicExists();
        }
        ToxicEntry entry = toxics.add(spec);
        for (Connection c : connections) {
            c.link(spec.direction()).append(spec.name(), entry.newStage());
        }
        return spec;
    }

    /** Replaces a toxic's spec (the caller merges) and restarts it on every live connection. */
    public synchronized ToxicSpec updateToxic(String toxicName, UnaryOperator<ToxicSpec> change) {
        ToxicEntry entry = toxics.find(toxicName);
        if (entry == null) {
            throw ToxiproxyException.toxicNotFound();
        }
        ToxicSpec updated = change.apply(entry.spec());
        entry.spec(updated);
        for (Connection c : connections) {
            c.link(updated.direction()).restart(toxicName);
        }
        return updated;
    }

    public synchronized void removeToxic(String toxicName) {
        ToxicEntry entry = toxics.find(toxicName);
        if (entry == null) {
            throw ToxiproxyException.toxicNotFound();
        }
        toxics.remove(entry.spec());
        for (Connection c : connections) {
            c.link(entry.spec().direction()).remove(toxicName);
        }
    }

    synchronized void removeAllToxics() {
        toxics.all().forEach(spec -> removeToxic(spec.name()));
    }

    /** On the accept thread: dial the upstream, then wire the connection unless the proxy stopped. */
    private void accepted(ProxyListener from, SocketChannel client) {
        String target;
        synchronized (this) {
            if (listener != from) {
                Sockets.closeQuietly(client);
                return;
            }
            target = upstream;
        }
        SocketChannel server = dial(target);
        if (server == null) {
            // The reference accepts, fails to dial, and closes: the client sees connect then EOF.
            Sockets.closeQuietly(client);
            return;
        }
        synchronized (this) {
            if (listener != from) {
                Sockets.closeQuietly(client);
                Sockets.closeQuietly(server);
                return;
            }
            try {
                Connection connection = new Connection(name + "-" + (++connectionCount), client, server,
                        plane, this::finished);
                connections.add(connection);
                connection.start(toxics.newStages(Direction.UPSTREAM), toxics.newStages(Direction.DOWNSTREAM));
            } catch (IOException e) {
                Sockets.closeQuietly(client);
                Sockets.closeQuietly(server);
            }
        }
    }

    private static SocketChannel dial(String target) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            // The socket view offers a connect timeout, which a blocking channel lacks.
            channel.socket().connect(Addresses.resolveUpstream(target), DIAL_TIMEOUT_MILLIS);
            return channel;
        } catch (IOException | RuntimeException e) {
            Sockets.closeQuietly(channel);
            return null;
        }
    }

    private synchronized void finished(Connection connection) {
        connections.remove(connection);
    }
}
