package io.wsbed.toxiproxy.bench;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The two loopback services the benchmark talks to: an echo server (latency) and a sink that reads
 * a length-prefixed bulk transfer and answers one byte once it has it all (throughput).
 */
final class BenchUpstreams implements AutoCloseable {
    private final ServerSocket echo;
    private final ServerSocket sink;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    BenchUpstreams() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start("bench-echo-accept", () -> acceptLoop(echo, BenchUpstreams::echo));
        start("bench-sink-accept", () -> acceptLoop(sink, BenchUpstreams::sink));
    }

    int echoPort() {
        return echo.getLocalPort();
    }

    int sinkPort() {
        return sink.getLocalPort();
    }

    private interface Service {
        void serve(Socket socket) throws IOException;
    }

    private void acceptLoop(ServerSocket server, Service service) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                start("bench-conn", () -> {
                    try (socket) {
                        service.serve(socket);
                    } catch (IOException e) {
                        // The benchmark closed its side.
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echo(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
    }

    private static void sink(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] buffer = new byte[256 * 1024];
        while (true) {
            long expected;
            try {
                expected = in.readLong();
            } catch (java.io.EOFException e) {
                return;
            }
            long received = 0;
            while (received < expected) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, expected - received));
                if (n < 0) {
                    return;
                }
                received += n;
            }
            socket.getOutputStream().write(1);
        }
    }

    private void start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        echo.close();
        sink.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            t.join(2000);
        }
    }
}
