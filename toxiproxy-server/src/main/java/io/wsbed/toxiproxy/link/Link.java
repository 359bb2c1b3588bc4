package io.wsbed.toxiproxy.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One direction of a connection: a reader thread, the ordered toxic chain for that direction, and
 * the socket sink. Chain changes come from the API thread while data flows; they only swap volatile
 * pointers and interrupt stages, so they never wait for data to move.
 */
public final class Link implements LinkContext {
    /** The reference reads at most 32 KiB per chunk; bandwidth and latency act per chunk. */
    static final int CHUNK_BYTES = 32 * 1024;

    private final Connection connection;
    private final Direction direction;
    private final SocketChannel source;
    private final SocketSink sink;
    private final Draws draws;
    private final Object chainLock = new Object();
    /** The toxics of the proxy, by name, in insertion order. */
    private final Map<String, ToxicStage> active = new LinkedHashMap<>();
    /** The stages data passes through: the active ones plus removed ones still draining. */
    private final List<ToxicStage> wired = new ArrayList<>();
    private volatile Stage first;
    private boolean killed;

    Link(Connection connection, Direction direction, SocketChannel source, SocketSink sink, Draws draws) {
        this.connection = connection;
        this.direction = direction;
        this.source = source;
        this.sink = sink;
        this.draws = draws;
        this.first = sink;
    }

    public Direction direction() {
        return direction;
    }

    /** Attaches the toxics present when the connection opens; only their own first runs start. */
    public void build(Map<String, ToxicStage> initial) {
        synchronized (chainLock) {
            for (Map.Entry<String, ToxicStage> e : initial.entrySet()) {
                active.put(e.getKey(), e.getValue());
                wired.add(e.getValue());
                e.getValue().attach(this, sink);
            }
            rewire();
            active.values().forEach(ToxicStage::restart);
        }
    }

    /** Appends a toxic to a live link; the previously last toxic restarts, as in the reference. */
    public void append(String name, ToxicStage stage) {
        synchronized (chainLock) {
            if (killed || active.containsKey(name)) {
                return;
            }
            ToxicStage previous = last();
            active.put(name, stage);
            wired.add(stage);
            stage.attach(this, sink);
            rewire();
            if (previous != null) {
                previous.restart();
            }
            stage.restart();
        }
    }

    /** Starts a new run of the named toxic after its attributes or toxicity changed. */
    public void restart(String name) {
        synchronized (chainLock) {
            ToxicStage stage = active.get(name);
            if (stage != null) {
                stage.restart();
            }
        }
    }

    /** Removes a toxic; its held data moves on, and the toxic before it restarts. */
    public void remove(String name) {
        synchronized (chainLock) {
            ToxicStage stage = active.get(name);
            if (stage == null) {
                return;
            }
            ToxicStage before = null;
            for (Map.Entry<String, ToxicStage> e : active.entrySet()) {
                if (e.getKey().equals(name)) {
                    break;
                }
                before = e.getValue();
            }
            active.remove(name);
            stage.remove();
            if (!stage.releasesItself()) {
                wired.remove(stage);
                rewire();
            }
            if (before != null) {
                before.restart();
            }
        }
    }

    @Override
    public void release(ToxicStage stage) {
        synchronized (chainLock) {
            if (wired.remove(stage)) {
                rewire();
            }
        }
    }

    void kill() {
        synchronized (chainLock) {
            killed = true;
            wired.forEach(ToxicStage::kill);
        }
    }

    void endSink() {
        sink.end();
    }

    private ToxicStage last() {
        ToxicStage last = null;
        for (ToxicStage s : active.values()) {
            last = s;
        }
        return last;
    }

    private void rewire() {
        Stage after = sink;
        for (int i = wired.size() - 1; i >= 0; i--) {
            wired.get(i).setNext(after);
            after = wired.get(i);
        }
        first = after;
    }

    /** The reader loop: runs on this link's own thread until the source is exhausted or closed. */
    void readLoop() {
        // A direct buffer spares the JDK a copy through its own temporary direct buffer on each
        // read and write: with no toxics, bytes go from socket to socket without touching the heap.
        ByteBuffer direct = plane().takeBuffer();
        byte[] chunkBytes = null;
        try {
            while (true) {
                Stage target = first;
                direct.clear();
                if (target != sink) {
                    direct.limit(CHUNK_BYTES);
                }
                int n = source.read(direct);
                if (n < 0) {
                    break;
                }
                direct.flip();
                target = first;
                if (target == sink) {
                    sink.write(direct);
                } else {
                    chunkBytes = chunkBytes == null ? new byte[CHUNK_BYTES] : chunkBytes;
                    dispatch(target, direct, chunkBytes);
                }
            }
            first.end();
        } catch (IOException e) {
            // Reset, or closed by the opposite link or a kill: both end this direction.
            endQuietly();
        } catch (RuntimeException | Error e) {
            connection.failed(direction + " link", e);
        } finally {
            plane().returnBuffer(direct);
            connection.readerDone();
        }
    }

    /** Hands the bytes to the toxic chain as heap chunks of at most 32 KiB, as the reference reads. */
    private static void dispatch(Stage target, ByteBuffer bytes, byte[] chunkBytes) {
        long stamp = System.nanoTime();
        while (bytes.hasRemaining()) {
            int n = Math.min(bytes.remaining(), chunkBytes.length);
            bytes.get(chunkBytes, 0, n);
            target.accept(new Chunk(chunkBytes, 0, n, stamp));
        }
    }

    private void endQuietly() {
        try {
            first.end();
        } catch (RuntimeException e) {
            connection.failed(direction + " link end", e);
        }
    }

    @Override
    public Draws draws() {
        return draws;
    }

    @Override
    public DataPlane plane() {
        return connection.plane();
    }

    @Override
    public void lingerZero() {
        connection.lingerZero();
    }

    @Override
    public Thread startThread(String role, Runnable body) {
        return plane().startThread("toxiproxy-" + connection.id() + "-" + direction.wireName() + "-" + role, body);
    }
}
