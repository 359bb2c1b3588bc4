package io.wsbed.toxiproxy.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP server standing in for the proxied service: either it echoes every connection,
 * or it hands each accepted socket to the test as a {@link Peer} to script by hand.
 */
public final class Upstream implements AutoCloseable {
    private final ServerSocket server;
    private final boolean echo;
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private Upstream(boolean echo) throws IOException {
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.echo = echo;
        Thread acceptor = new Thread(this::acceptLoop, "test-upstream-accept");
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    /** An upstream that writes back everything it reads, until the client closes. */
    public static Upstream echo() throws IOException {
        return new Upstream(true);
    }

    /** An upstream whose connections the test drives through {@link #awaitPeer(Duration)}. */
    public static Upstream scripted() throws IOException {
        return new Upstream(false);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code 127.0.0.1:port}, for a proxy's upstream field. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** The server side of the next accepted connection. */
    public Peer awaitPeer(Duration within) throws InterruptedException {
        Peer peer = accepted.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        if (peer == null) {
            throw new AssertionError("upstream " + address() + " accepted no connection within " + within);
        }
        return peer;
    }

    /** Number of connections accepted so far that the test has not taken. */
    public int pending() {
        return accepted.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                if (echo) {
                    Thread t = new Thread(() -> echo(socket), "test-upstream-echo");
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                } else {
                    accepted.add(new Peer(socket));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket socket) {
        byte[] buffer = new byte[64 * 1024];
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The proxy closed the connection: the echo ends.
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            t.join(2000);
            if (t.isAlive()) {
                throw new AssertionError("test upstream thread " + t.getName() + " did not stop within 2 s");
            }
        }
    }
}
