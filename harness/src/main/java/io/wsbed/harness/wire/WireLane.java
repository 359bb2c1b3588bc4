package io.wsbed.harness.wire;

import io.wsbed.harness.timeline.Event;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a cell's capture into the events of its {@code wire} lane: per direction of each of the
 * cell's connections (those to a port the cell listened on), the SYN, the FIN and the RST, the end
 * of the HTTP upgrade head, and the WebSocket control frames (Close with its code, Ping, Pong);
 * data frames are counted, in one {@code data} event at the last of them. Every event has
 * {@code from} and {@code to}, the ports of the direction. Packet times and event lines share the
 * system clock, so the lane sits on the cell's one timeline as captured.
 */
public final class WireLane {
    /** The source of every wire event. */
    public static final String SOURCE = "wire";
    public static final String SYN = "syn";
    public static final String SYN_ACK = "syn-ack";
    public static final String FIN = "fin";
    public static final String RST = "rst";
    public static final String UPGRADE = "upgrade";
    /** The {@code line} of a TLS stream's first segment (the wss path's client leg), in place of an HTTP line. */
    public static final String TLS_LINE = "TLS";
    public static final String CLOSE_FRAME = "close-frame";
    public static final String PING = "ping";
    public static final String PONG = "pong";
    public static final String DATA = "data";
    public static final String LOST_TRACK = "lost-track";
    /** Data frames closer together than this belong to one run (the scaled ticks are 50 ms apart). */
    public static final long RUN_GAP_MS = 100;

    private final Set<Integer> ports;
    private final Map<String, Direction> live = new LinkedHashMap<>();
    private final List<Direction> done = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private long packets;
    private long segments;

    private WireLane(Set<Integer> ports) {
        this.ports = ports;
    }

    /** What a capture held for one cell. */
    public record Result(List<Event> events, long packets, long cellSegments, int connections) {
        public Result {
            events = List.copyOf(events);
        }
    }

    /** One direction of one connection: where its stream stands and what it carried. */
    private static final class Direction {
        final int from;
        final int to;
        final StreamScanner scanner = new StreamScanner();
        long synSeq = -1;
        boolean fin;
        boolean rst;
        long dataFrames;
        long runFrames;
        long runFirst;
        long runLast;

        Direction(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    /**
     * Reads a capture and keeps the connections with an end on one of {@code ports} (the ports the
     * cell's servers and proxies listened on).
     */
    public static Result read(Path pcap, Set<Integer> ports) throws IOException {
        WireLane lane = new WireLane(Set.copyOf(ports));
        try (PcapReader reader = PcapReader.open(pcap)) {
            Optional<PcapReader.Packet> p;
            while ((p = reader.next()).isPresent()) {
                lane.packets++;
                TcpSegment.decode(reader.linkType(), p.get()).ifPresent(lane::segment);
            }
        }
        return lane.finish();
    }

    /**
     * The ports a cell listened on, from its timeline: each process's {@code ready} port and each
     * {@code proxy-ready} mark's {@code port} (nginx) or {@code listen} (Toxiproxy, "host:port").
     */
    public static Set<Integer> cellPorts(List<Event> timeline) {
        Set<Integer> ports = new TreeSet<>();
        for (Event e : timeline) {
            if (e.ev().equals("ready") && !e.source().equals("harness")) {
                addPort(ports, e.num("port", 0));
            } else if (e.ev().equals("proxy-ready") && e.source().equals("harness")) {
                addPort(ports, e.num("port", 0));
                String listen = e.str("listen");
                if (listen != null && listen.lastIndexOf(':') >= 0) {
                    try {
                        addPort(ports, Long.parseLong(listen.substring(listen.lastIndexOf(':') + 1)));
                    } catch (NumberFormatException ignored) {
                        // Not host:port; nothing to select by.
                    }
                }
            }
        }
        return ports;
    }

    private static void addPort(Set<Integer> ports, long port) {
        if (port > 0 && port < 65536) {
            ports.add((int) port);
        }
    }

    private void segment(TcpSegment s) {
        if (!ports.contains(s.srcPort()) && !ports.contains(s.dstPort())) {
            return;
        }
        segments++;
        Direction d = live.get(s.direction());
        if (s.has(TcpSegment.SYN)) {
            // A SYN with another initial sequence number is a new connection on the same ports;
            // the same one again is a retransmission.
            if (d == null || d.synSeq != s.seq()) {
                if (d != null) {
                    endRun(d); // the port pair is reused by a new connection
                    done.add(d);
                }
                d = new Direction(s.srcPort(), s.dstPort());
                live.put(s.direction(), d);
                emit(s, s.has(TcpSegment.ACK) ? SYN_ACK : SYN);
            }
            d.synSeq = s.seq();
            d.scanner.syn(s.seq());
        } else if (d == null) {
            d = new Direction(s.srcPort(), s.dstPort());
            live.put(s.direction(), d);
        }
        for (StreamScanner.Found f : d.scanner.segment(s)) {
            found(d, s, f);
        }
        if (s.has(TcpSegment.FIN) && !d.fin) {
            d.fin = true;
            emit(s, FIN);
        }
        if (s.has(TcpSegment.RST) && !d.rst) {
            d.rst = true;
            emit(s, RST);
        }
    }

    private void found(Direction d, TcpSegment s, StreamScanner.Found f) {
        if (f instanceof StreamScanner.Head h) {
            emit(s, UPGRADE, "line", h.line());
            Direction back = live.get(s.dst() + ">" + s.src());
            if (back != null && !StreamScanner.switched(h.line())) {
                back.scanner.expectHead();
            }
        } else if (f instanceof StreamScanner.Tls t) {
            if (t.first()) {
                // Where a plain stream's head is: the checkers find a side's socket by it.
                emit(s, UPGRADE, "line", TLS_LINE);
            } else {
                countData(d, s); // encrypted frames: bytes on the wire, counted as segments
            }
        } else if (f instanceof StreamScanner.Lost l) {
            emit(s, LOST_TRACK, "why", l.why());
        } else if (f instanceof StreamScanner.Frame fr) {
            if (fr.isData()) {
                countData(d, s);
            } else if (fr.opcode() == 8) {
                emit(s, CLOSE_FRAME, "code", fr.code() < 0 ? null : (long) fr.code(),
                        "reason", fr.reason().isEmpty() ? null : fr.reason());
            } else {
                emit(s, fr.opcode() == 9 ? PING : PONG);
            }
        }
    }

    /** One more data frame (or TLS segment) in the direction's current run. */
    private void countData(Direction d, TcpSegment s) {
        if (d.runFrames > 0 && s.tMicros() - d.runLast >= RUN_GAP_MS * 1000) {
            endRun(d);
        }
        if (d.runFrames == 0) {
            d.runFirst = s.tMicros();
        }
        d.dataFrames++;
        d.runFrames++;
        d.runLast = s.tMicros();
    }

    private void emit(TcpSegment s, String ev, Object... more) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", (long) s.srcPort());
        fields.put("to", (long) s.dstPort());
        for (int i = 0; i + 1 < more.length; i += 2) {
            if (more[i + 1] != null) {
                fields.put((String) more[i], more[i + 1]);
            }
        }
        events.add(new Event(SOURCE, s.tMicros(), ev, fields));
    }

    /** Ends the direction's current run of data frames with its {@code data} event. */
    private void endRun(Direction d) {
        if (d.runFrames > 0) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("from", (long) d.from);
            fields.put("to", (long) d.to);
            fields.put("frames", d.runFrames);
            fields.put("span_ms", Math.round((d.runLast - d.runFirst) / 100.0) / 10.0);
            events.add(new Event(SOURCE, d.runLast, DATA, fields));
            d.runFrames = 0;
        }
    }

    private Result finish() {
        live.values().forEach(this::endRun);
        done.addAll(live.values());
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::tMicros)); // stable: capture order within a microsecond
        int connections = (int) done.stream().filter(d -> ports.contains(d.to)).count();
        return new Result(sorted, packets, segments, connections);
    }
}
