package io.wsbed.toxiproxy.link;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last stage of a link: writes chunks to the destination socket and, at end-of-stream, closes
 * that socket completely (the reference has no half-close, so a FIN from one peer becomes a full
 * close of both sockets through the opposite link's reader failing).
 */
final class SocketSink implements Stage {
    private final Socket socket;
    private final OutputStream out;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Runnable onEnded;

    SocketSink(Socket socket, OutputStream out, Runnable onEnded) {
        this.socket = socket;
        this.out = out;
        this.onEnded = onEnded;
    }

    @Override
    public void accept(Chunk chunk) {
        if (ended.get()) {
            return;
        }
        try {
            out.write(chunk.data(), chunk.offset(), chunk.length());
        } catch (IOException e) {
            // The peer is gone; closing our side lets the opposite reader see it at once.
            end();
        }
    }

    @Override
    public void end() {
        if (ended.compareAndSet(false, true)) {
            Sockets.closeQuietly(socket);
            onEnded.run();
        }
    }

    boolean ended() {
        return ended.get();
    }
}
