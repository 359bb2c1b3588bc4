package io.wsbed.toxiproxy.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last stage of a link: writes chunks to the destination socket and, at end-of-stream, closes
 * that socket completely (the reference has no half-close, so a FIN from one peer becomes a full
 * close of both sockets through the opposite link's reader failing).
 */
final class SocketSink implements Stage {
    private final SocketChannel channel;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnded;

    SocketSink(SocketChannel channel, Runnable onEnded) {
        this.channel = channel;
        this.onEnded = onEnded;
    }

    @Override
    public void accept(Chunk chunk) {
        write(ByteBuffer.wrap(chunk.data(), chunk.offset(), chunk.length()));
    }

    /** Writes all remaining bytes of {@code buffer}; the reader's fast path hands its direct buffer here. */
    void write(ByteBuffer buffer) {
        if (ended.get()) {
            return;
        }
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            // The peer is gone; closing our side lets the opposite reader see it at once.
            end();
        }
    }

    @Override
    public void end() {
        if (ended.compareAndSet(false, true)) {
            Sockets.closeQuietly(channel);
            onEnded.run();
        }
    }
}
