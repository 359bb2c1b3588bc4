package io.wsbed.toxiproxy.link;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;

/** Socket helpers shared by the data path and the proxy listener. */
public final class Sockets {
    private Sockets() {
    }

    /** The options the reference gets from Go's defaults: no Nagle delay, keepalive on. */
    public static void configure(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
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
    static void lingerZero(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed: nothing left to reset.
        }
    }
}
