package io.wsbed.toxiproxy.link;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/** Socket helpers shared by the data path and the proxy listener. */
public final class Sockets {
    private Sockets() {
    }

    /** The options the reference gets from Go's defaults: no Nagle delay, keepalive on. */
    public static void configure(SocketChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
    }

    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is best effort: the socket may already be gone.
        }
    }

    /** SO_LINGER 0: the next close sends RST instead of FIN. */
    static void lingerZero(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException e) {
            // Already closed: nothing left to reset.
        }
    }
}
