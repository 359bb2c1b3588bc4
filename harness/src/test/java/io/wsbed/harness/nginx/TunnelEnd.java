package io.wsbed.harness.nginx;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One end of a raw TCP tunnel after the WebSocket handshake: a thread drains what arrives and
 * records when the stream ended; an optional timer writes a frame periodically.
 */
final class TunnelEnd implements AutoCloseable {
    private final String name;
    private final Socket socket;
    private final AtomicLong received = new AtomicLong();
    private final CompletableFuture<Long> ended = new CompletableFuture<>();
    private final Thread reader;
    private ScheduledExecutorService sender;
    private volatile String ending = "open";

    TunnelEnd(String name, Socket socket, InputStream in) {
        this.name = name;
        this.socket = socket;
        this.reader = new Thread(() -> drain(in), "tunnel-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void drain(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                received.addAndGet(n);
            }
            ending = "EOF";
        } catch (IOException e) {
            ending = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        ended.complete(System.nanoTime());
    }

    /** Writes the frame now and then every period, until {@link #stopSending()}. */
    synchronized void startSending(byte[] frame, Duration period) {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunnel-send-" + name);
            t.setDaemon(true);
            return t;
        });
        sender.scheduleAtFixedRate(() -> write(frame), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void write(byte[] frame) {
        try {
            socket.getOutputStream().write(frame);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            stopSending(); // the peer is gone; the reader records how
        }
    }

    synchronized void stopSending() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    /** nanoTime at which the stream ended, or null when it is still open after the timeout. */
    Long awaitEnd(Duration timeout) {
        try {
            return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isOpen() {
        return !ended.isDone();
    }

    /** "EOF" for an orderly close (FIN), else the exception the read ended with. */
    String ending() {
        return ending;
    }

    long bytesReceived() {
        return received.get();
    }

    @Override
    public void close() throws IOException {
        stopSending();
        socket.close(); // ends the reader and any write in progress
        try {
            if (sender != null && !sender.awaitTermination(2, TimeUnit.SECONDS)) {
                throw new IllegalStateException("sender of " + name + " did not stop within 2 s");
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
