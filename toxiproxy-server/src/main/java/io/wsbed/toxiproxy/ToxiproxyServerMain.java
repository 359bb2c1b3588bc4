package io.wsbed.toxiproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the embedded server as a process (the harness's child process, later a container's entry
 * point). Prints one JSON line when the API listens:
 * {@code {"t":<epoch µs>,"ev":"ready","port":N,"version":"..."}}. Exit codes follow the wsbed
 * process contract: 0 clean, 2 bad options, 3 could not start.
 */
public final class ToxiproxyServerMain {
    private ToxiproxyServerMain() {
    }

    public static void main(String[] args) {
        MainOptions options;
        try {
            options = MainOptions.parse(Arrays.asList(args));
        } catch (MainOptions.UsageException e) {
            System.err.println("toxiproxy-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(MainOptions.USAGE);
            return;
        }
        ToxiproxyServer server = startOrExit(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "toxiproxy-shutdown"));
        printReady(System.out, server);
        if (options.exitOnStdinEof()) {
            watchStdin(System.in);
        }
        awaitForever(stopped);
    }

    private static ToxiproxyServer startOrExit(MainOptions options) {
        ToxiproxyServer server;
        try {
            server = ToxiproxyServer.start(options.host(), options.port(), options.seed());
        } catch (UncheckedIOException e) {
            System.err.println("toxiproxy-server: " + e.getMessage());
            System.exit(3);
            return null;
        }
        if (options.config() != null) {
            try {
                server.populate(Files.readAllBytes(options.config()));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("toxiproxy-server: could not load --config " + options.config() + ": "
                        + e.getMessage() + "; fix the file (a JSON array as for POST /populate)");
                server.close();
                System.exit(3);
            }
        }
        return server;
    }

    static void printReady(PrintStream out, ToxiproxyServer server) {
        long micros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
        out.println("{\"t\":" + micros + ",\"ev\":\"ready\",\"port\":" + server.port()
                + ",\"version\":\"" + server.version() + "\"}");
        out.flush();
    }

    /** Exits when stdin closes, so a dead parent never leaves this process behind. */
    private static void watchStdin(InputStream in) {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException e) {
                // A broken stdin counts as closed.
            }
            System.err.println("toxiproxy-server: stdin closed, exiting");
            System.exit(0);
        }, "toxiproxy-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void awaitForever(CountDownLatch stopped) {
        try {
            while (!stopped.await(1, TimeUnit.HOURS)) {
                // A server runs until it is told to stop; each wait is still bounded.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
