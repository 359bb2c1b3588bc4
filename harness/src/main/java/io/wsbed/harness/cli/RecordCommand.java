package io.wsbed.harness.cli;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.replay.Recorder;
import io.wsbed.harness.replay.RecordingProxy;
import io.wsbed.harness.replay.wire.WsUrl;
import io.wsbed.harness.run.Settings;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wsbed record --url URL [--listen HOST:PORT] [--duration D] -o FILE}: records a WebSocket
 * session frame by frame, as a client of URL, or as a proxy on loopback in front of it for a real
 * client. Stops when the session ends, after the duration, or on Ctrl-C; the file is complete in
 * every case.
 */
@Command(name = "record", description = {"Records a WebSocket session frame by frame (both directions, text and "
        + "binary, with time stamps and the close) into a recording (schema wsbed.recording/1, docs/record-replay.md) "
        + "that wsbed replay plays back. Without --listen it connects to URL itself; with --listen it is a proxy "
        + "in front of URL that records a real client's session (the client changes only its URL)."})
final class RecordCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "the server: ws://HOST:PORT/PATH (or wss://)")
    String url;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "proxy mode: listen here (loopback only, e.g. 127.0.0.1:9000; port 0 = any) and record "
                    + "the first client's session with URL")
    String listen;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
            description = "stop after this long, e.g. 30s, 2500ms, counted from the start (default: ${DEFAULT-VALUE})")
    String duration;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "the recording to write (replaced)")
    String out;

    @Override
    public Integer call() {
        WsUrl target = WsUrl.parse(url);
        Duration max = Duration.ofMillis(Settings.duration("--duration", duration));
        Path file = Path.of(out);
        PrintWriter console = spec.commandLine().getOut();
        try (SignalStop signal = SignalStop.install()) {
            String summary = listen == null ? client(target, file, max, signal, console)
                    : proxy(target, file, max, signal, console);
            console.println("Recorded " + summary);
            if (Files.exists(file)) {
                console.println("Replay it: wsbed replay " + out + " [--fault crash@5]");
            }
        }
        return ExitCode.OK.code();
    }

    private String client(WsUrl target, Path file, Duration max, SignalStop signal, PrintWriter console) {
        Recorder recorder = Recorder.start(target, file, signal::stop);
        try {
            console.println("Recording " + target + " into " + out + " until the server ends the session, "
                    + duration + " pass or Ctrl-C ...");
            signal.await(max);
            recorder.stop(why(signal));
            return recorder.summary();
        } finally {
            recorder.close();
        }
    }

    private String proxy(WsUrl target, Path file, Duration max, SignalStop signal, PrintWriter console) {
        RecordingProxy proxy = RecordingProxy.start(address(listen), target, file, signal::stop);
        try {
            console.println("Point the client at " + proxy.url() + " : its session with " + target + " is recorded into "
                    + out + " until it ends, " + duration + " pass or Ctrl-C ...");
            signal.await(max);
            proxy.stop(why(signal));
            if (proxy.failure() != null) {
                throw HarnessException.configuration("the client's session could not be relayed: " + proxy.failure());
            }
            if (!proxy.recording()) {
                if (signal.signalled()) {
                    return "nothing: no client connected to " + proxy.url() + " before Ctrl-C";
                }
                throw HarnessException.configuration("no client connected to " + proxy.url() + " within " + duration
                        + "; nothing was recorded");
            }
            return proxy.summary();
        } finally {
            proxy.close();
        }
    }

    private static String why(SignalStop signal) {
        return signal.signalled() ? "interrupted" : "duration";
    }

    /** HOST:PORT, or a bare PORT on 127.0.0.1. */
    static InetSocketAddress address(String raw) {
        String s = raw.strip();
        int colon = s.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : s.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, port);
        } catch (NumberFormatException e) {
            throw HarnessException.configuration("--listen '" + raw + "' is not HOST:PORT, e.g. 127.0.0.1:9000");
        }
    }
}
