package io.wsbed.toxiproxy.bench;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import io.wsbed.toxiproxy.ToxiproxyServer;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures what the embedded proxy costs without toxics, against a direct loopback connection in
 * the same run: round-trip latency of small messages (p50/p99) and bulk throughput (MB/s).
 * Direct and proxied measurements alternate so that machine noise hits both alike.
 *
 * <p>Usage: {@code ProxyBenchmark [messages] [bulkMiB] [rounds]} (defaults 40000, 512, 4).
 */
public final class ProxyBenchmark {
    private static final int MESSAGE_BYTES = 64;
    private static final int BLOCK_BYTES = 64 * 1024;

    private ProxyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int bulkMiB = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        try (BenchUpstreams upstreams = new BenchUpstreams(); ToxiproxyServer server = ToxiproxyServer.start()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.port());
            int proxyEcho = port(client.createProxy("bench-echo", "127.0.0.1:0", "127.0.0.1:" + upstreams.echoPort()));
            int proxySink = port(client.createProxy("bench-sink", "127.0.0.1:0", "127.0.0.1:" + upstreams.sinkPort()));

            roundTrips(upstreams.echoPort(), messages / 2);  // warm-up, not recorded
            roundTrips(proxyEcho, messages / 2);
            bulk(upstreams.sinkPort(), bulkMiB / 4);
            bulk(proxySink, bulkMiB / 4);

            List<Long> direct = new ArrayList<>();
            List<Long> proxied = new ArrayList<>();
            List<Double> directRates = new ArrayList<>();
            List<Double> proxiedRates = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                direct.addAll(roundTrips(upstreams.echoPort(), messages / rounds));
                proxied.addAll(roundTrips(proxyEcho, messages / rounds));
                directRates.add(bulk(upstreams.sinkPort(), bulkMiB / rounds));
                proxiedRates.add(bulk(proxySink, bulkMiB / rounds));
            }
            print(messages, bulkMiB, direct, proxied, directRates, proxiedRates);
        }
    }

    /** Nanoseconds per round trip of a 64-byte message over one connection. */
    private static List<Long> roundTrips(int port, int count) throws IOException {
        List<Long> samples = new ArrayList<>(count);
        try (Socket socket = connect(port)) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] message = new byte[MESSAGE_BYTES];
            byte[] reply = new byte[MESSAGE_BYTES];
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                out.write(message);
                int got = 0;
                while (got < MESSAGE_BYTES) {
                    int n = in.read(reply, got, MESSAGE_BYTES - got);
                    if (n < 0) {
                        throw new IOException("echo closed after " + i + " messages");
                    }
                    got += n;
                }
                samples.add(System.nanoTime() - start);
            }
        }
        return samples;
    }

    /** MB/s (10^6 bytes) of one bulk transfer of {@code mib} MiB until the sink confirms it. */
    private static double bulk(int port, int mib) throws IOException {
        long total = (long) mib * 1024 * 1024;
        byte[] block = new byte[BLOCK_BYTES];
        try (Socket socket = connect(port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            long start = System.nanoTime();
            out.writeLong(total);
            for (long sent = 0; sent < total; sent += BLOCK_BYTES) {
                out.write(block, 0, (int) Math.min(BLOCK_BYTES, total - sent));
            }
            out.flush();
            if (socket.getInputStream().read() != 1) {
                throw new IOException("sink did not confirm the transfer");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return total / 1e6 / seconds;
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static int port(Proxy proxy) {
        return Integer.parseInt(proxy.getListen().substring(proxy.getListen().lastIndexOf(':') + 1));
    }

    private static void print(int messages, int bulkMiB, List<Long> direct, List<Long> proxied,
                              List<Double> directRates, List<Double> proxiedRates) {
        long[] d = sorted(direct);
        long[] p = sorted(proxied);
        double dRate = median(directRates);
        double pRate = median(proxiedRates);
        System.out.printf(Locale.ROOT, "cores=%d java=%s messages=%d (64 B) bulk=%d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), messages, bulkMiB);
        System.out.printf(Locale.ROOT, "%-22s %12s %12s %12s%n", "", "direct", "via proxy", "added");
        row("round trip p50 (us)", micros(d, 0.50), micros(p, 0.50));
        row("round trip p99 (us)", micros(d, 0.99), micros(p, 0.99));
        System.out.printf(Locale.ROOT, "%-22s %12.0f %12.0f %11.0f%%%n", "throughput (MB/s)", dRate, pRate,
                100.0 * pRate / dRate);
        System.out.printf(Locale.ROOT, "throughput runs direct=%s proxy=%s%n", rates(directRates), rates(proxiedRates));
    }

    private static void row(String label, double direct, double proxied) {
        System.out.printf(Locale.ROOT, "%-22s %12.1f %12.1f %12.1f%n", label, direct, proxied, proxied - direct);
    }

    private static String rates(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).toList().toString();
    }

    private static long[] sorted(List<Long> samples) {
        long[] values = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }

    private static double micros(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1000.0;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
