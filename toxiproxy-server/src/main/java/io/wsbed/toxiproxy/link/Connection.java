package io.wsbed.toxiproxy.link;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One accepted client paired with its upstream socket, carried by two {@link Link}s. It is
 * finished when both readers have stopped and both sinks have closed their sockets; a kill (proxy
 * disabled, deleted or restarted) closes both sockets at once and drops data held in toxics.
 */
public final class Connection {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final String id;
    private final SocketChannel client;
    private final SocketChannel upstream;
    private final DataPlane plane;
    private final Consumer<Connection> onFinished;
    private final Link upLink;
    private final Link downLink;
    private int readersDone;
    private int sinksEnded;
    private boolean finished;

    /**
     * Wraps two connected sockets; {@code onFinished} runs once, on whichever thread finishes last.
     *
     * @throws IOException when a socket option cannot be set (the caller closes both)
     */
    public Connection(String id, SocketChannel client, SocketChannel upstream, DataPlane plane, Consumer<Connection> onFinished)
            throws IOException {
        this.id = id;
        this.client = client;
        this.upstream = upstream;
        this.plane = plane;
        this.onFinished = onFinished;
        Sockets.configure(client);
        Sockets.configure(upstream);
        this.upLink = new Link(this, Direction.UPSTREAM, client,
                new SocketSink(upstream, this::sinkEnded), plane.newDraws());
        this.downLink = new Link(this, Direction.DOWNSTREAM, upstream,
                new SocketSink(client, this::sinkEnded), plane.newDraws());
    }

    public String id() {
        return id;
    }

    public Link link(Direction direction) {
        return direction == Direction.UPSTREAM ? upLink : downLink;
    }

    /** Builds both chains from the proxy's toxics at this moment, then starts the readers. */
    public void start(Map<String, ToxicStage> upstreamToxics, Map<String, ToxicStage> downstreamToxics) {
        upLink.build(upstreamToxics);
        downLink.build(downstreamToxics);
        plane.startThread("toxiproxy-" + id + "-upstream", upLink::readLoop);
        plane.startThread("toxiproxy-" + id + "-downstream", downLink::readLoop);
    }

    /** Closes both sockets now (FIN, or RST where unread data or SO_LINGER 0 says so). */
    public void kill() {
        upLink.kill();
        downLink.kill();
        upLink.endSink();
        downLink.endSink();
    }

    DataPlane plane() {
        return plane;
    }

    void lingerZero() {
        Sockets.lingerZero(client);
        Sockets.lingerZero(upstream);
    }

    void failed(String where, Throwable e) {
        LOG.log(Level.ERROR, "connection " + id + ": unexpected failure in " + where + "; closing it", e);
        kill();
    }

    void readerDone() {
        boolean last;
        synchronized (this) {
            readersDone++;
            last = checkFinished();
        }
        if (last) {
            finish();
        }
    }

    private void sinkEnded() {
        boolean last;
        synchronized (this) {
            sinksEnded++;
            last = checkFinished();
        }
        if (last) {
            finish();
        }
    }

    private boolean checkFinished() {
        if (!finished && readersDone == 2 && sinksEnded == 2) {
            finished = true;
            return true;
        }
        return false;
    }

    private void finish() {
        // Stops timers and latency threads that might still hold data for closed sockets.
        upLink.kill();
        downLink.kill();
        onFinished.accept(this);
    }
}
