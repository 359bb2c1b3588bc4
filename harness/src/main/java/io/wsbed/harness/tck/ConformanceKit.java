package io.wsbed.harness.tck;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.process.FreePort;
import io.wsbed.harness.process.ProcessTree;
import io.wsbed.harness.stack.RunningStack;
import io.wsbed.harness.stack.StackCatalog;
import io.wsbed.harness.stack.StackDescriptor;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.EventLineParser;
import io.wsbed.harness.timeline.Timeline;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks one stack against the process contract (docs/contract.md) by launching it: its
 * {@code info} line, a bad option, and in each role it has a session with its family's reference
 * peer (ready, open, numbered pushes, sends and their echoes, the {@code send}, {@code close} and
 * {@code stop} commands, an unknown command), then its exit on stdin EOF with no child left. Every
 * wait is bounded; a check that cannot finish fails with what it saw, and the next one goes on.
 */
public final class ConformanceKit {
    /** Start to ready: a JVM, Spring Boot or a Node process on a busy machine. */
    static final Duration START = Duration.ofSeconds(30);
    /** Long enough for a few 100 ms messages and a reconnect on a busy machine. */
    static final Duration FLOW = Duration.ofSeconds(10);
    /** The contract's bound on the exit after stdin EOF. */
    static final Duration EOF_EXIT = Duration.ofSeconds(1);
    /** Close codes the {@code close} command must put on the wire unchanged. */
    static final List<Integer> CODES = List.of(1000, 4000, 4999);
    /** A numbered message sent by command, far from the send loop's numbers. */
    static final long COMMANDED_SEQ = 900_001;

    private final Duration start;
    private final Duration flow;
    private final StackDescriptor stack;
    private final StackDescriptor referenceServer;
    private final StackDescriptor referenceClient;
    private final Path logDir;
    private final List<KitCheck> checks = new ArrayList<>();
    /** The polling fallback's path, when the stack's info declares one (docs/contract.md). */
    private volatile String pollPath;

    private ConformanceKit(StackDescriptor stack, StackDescriptor referenceServer, StackDescriptor referenceClient,
                           Path logDir, Duration start, Duration flow) {
        this.start = start;
        this.flow = flow;
        this.stack = stack;
        this.referenceServer = referenceServer;
        this.referenceClient = referenceClient;
        this.logDir = logDir;
    }

    /**
     * Runs every check on stack {@code id}; its peers are the reference stacks of its protocol
     * family (for plain WebSocket, {@code wsServer} and {@code wsClient}).
     */
    public static List<KitCheck> run(StackCatalog catalog, String id, String wsServer, String wsClient, Path logDir) {
        return run(catalog, id, wsServer, wsClient, logDir, START, FLOW);
    }

    /** As above with other bounds on a start and on the messages of a session (tests use short ones). */
    static List<KitCheck> run(StackCatalog catalog, String id, String wsServer, String wsClient, Path logDir,
                              Duration start, Duration flow) {
        StackDescriptor stack = catalog.require(id);
        Optional<String> missing = catalog.unavailable(id);
        if (missing.isPresent()) {
            return List.of(KitCheck.skipped("stack " + id, "cannot run here: " + missing.get()));
        }
        ConformanceKit kit = new ConformanceKit(stack, reference(catalog, stack, "server", wsServer),
                reference(catalog, stack, "client", wsClient), logDir, start, flow);
        kit.info();
        kit.badOption();
        if (stack.roles().contains("server")) {
            kit.role("server");
        }
        if (stack.roles().contains("client")) {
            kit.role("client");
        }
        return List.copyOf(kit.checks);
    }

    /** The peer of the family: the configured one for plain WebSocket, else the family's first stack by id. */
    static StackDescriptor reference(StackCatalog catalog, StackDescriptor stack, String role, String wsReference) {
        if (stack.protocol().equals(StackDescriptor.WEBSOCKET)) {
            return catalog.require(wsReference);
        }
        return catalog.ids().stream().map(catalog::require)
                .filter(d -> d.protocol().equals(stack.protocol()) && d.roles().contains(role)).findFirst()
                .orElseThrow(() -> HarnessException.configuration("no " + stack.protocol() + " " + role
                        + " stack to check '" + stack.id() + "' against; add one"));
    }

    private void info() {
        String name = "info: one line with the contract's fields";
        List<String> lines = new CopyOnWriteArrayList<>();
        try (ChildProcess p = ChildProcess.start("tck-info-" + stack.id(), stack.launcher().command(List.of("info")),
                stack.launcher().workDir(), logDir, lines::add)) {
            p.closeInput();
            if (!p.awaitExit(start)) {
                checks.add(KitCheck.fail(name, "no exit within " + start.toSeconds() + " s"));
                return;
            }
            p.awaitOutputDrained(Duration.ofSeconds(2));
            List<Event> infos = lines.stream().map(l -> EventLineParser.parse(stack.id(), l)).flatMap(Optional::stream)
                    .filter(e -> e.ev().equals("info")).toList();
            List<String> wrong = new ArrayList<>();
            if (infos.size() != 1) {
                wrong.add(infos.size() + " info lines");
            } else {
                Event e = infos.get(0);
                expect(wrong, "contract", String.valueOf(e.num("contract", -1)), "1");
                expect(wrong, "protocol", e.str("protocol"), stack.protocol());
                expect(wrong, "stack", e.str("stack"), stack.id());
                expect(wrong, "roles", e.str("roles"), String.join(",", stack.roles()));
                for (String field : List.of("name", "version", "heartbeat", "send_api")) {
                    if (e.str(field) == null || e.str(field).isBlank()) {
                        wrong.add("no " + field);
                    }
                }
                pollPath = e.str("poll");
                if (!(e.fields().get("builtin_reconnect") instanceof Boolean)) {
                    wrong.add("builtin_reconnect is not true or false");
                }
            }
            if (!Integer.valueOf(0).equals(p.exitCode())) {
                wrong.add("exit " + p.exitCode());
            }
            checks.add(wrong.isEmpty() ? KitCheck.pass(name, "") : KitCheck.fail(name, String.join("; ", wrong)
                    + "; stderr: " + p.stderrTail(2).replace('\n', ' ')));
        }
    }

    private static void expect(List<String> wrong, String field, String actual, String expected) {
        if (!expected.equals(actual)) {
            wrong.add(field + " is '" + actual + "', expected '" + expected + "'");
        }
    }

    private void badOption() {
        String name = "a bad option exits 2 with a message on stderr";
        String role = stack.roles().get(0);
        try (ChildProcess p = ChildProcess.start("tck-bad-option-" + stack.id(),
                stack.launcher().command(List.of(role, "--no-such-option", "1")), stack.launcher().workDir(), logDir,
                line -> { })) {
            p.closeInput();
            if (!p.awaitExit(start)) {
                checks.add(KitCheck.fail(name, "still running after " + start.toSeconds() + " s"));
                return;
            }
            String err = p.stderrTail(3).strip();
            boolean ok = Integer.valueOf(2).equals(p.exitCode()) && !err.isEmpty();
            checks.add(ok ? KitCheck.pass(name, "") : KitCheck.fail(name, "exit " + p.exitCode() + ", stderr '"
                    + err.replace('\n', ' ') + "'"));
        }
    }

    /** A session of the stack in {@code role} with the family's reference peer, then its exit on EOF. */
    private void role(String role) {
        session(role);
        eof(role);
    }

    private void session(String role) {
        boolean server = role.equals("server");
        StackDescriptor peerStack = server ? referenceClient : referenceServer;
        Timeline tl = new Timeline(Clock.systemUTC());
        Session s = new Session(role, tl);
        try (RunningStack listening = server ? launch(stack, s.subject, "server", tl) : launch(peerStack, s.peer, "server", tl)) {
            Event ready;
            try {
                ready = listening.awaitReady(start);
            } catch (RunningStack.NotReadyException e) {
                checks.add(KitCheck.fail(server ? role + ": ready with a real port" : role + ": the reference server "
                        + peerStack.id() + " starts", e.getMessage().lines().findFirst().orElse("")));
                return;
            }
            int port = listening.port();
            if (server) {
                checks.add(port > 0 && FreePort.accepts(port, Duration.ofSeconds(2))
                        ? KitCheck.pass(role + ": ready with a real port", "port " + port)
                        : KitCheck.fail(role + ": ready with a real port", "ready says port " + port
                        + (port > 0 ? ", which accepts no connection" : "") + "; " + ready));
            }
            List<String> client = List.of("client", "--url", "ws://127.0.0.1:" + port + "/ws", "--send-ms", "100",
                    "--reconnect", "backoff", "--seed", "1");
            try (RunningStack connecting = launch(server ? peerStack : stack, server ? s.peer : s.subject, client, tl)) {
                if (!server) {
                    try {
                        connecting.awaitReady(start);
                        checks.add(KitCheck.pass(role + ": ready", ""));
                    } catch (RunningStack.NotReadyException e) {
                        checks.add(KitCheck.fail(role + ": ready", e.getMessage().lines().findFirst().orElse("")));
                        return;
                    }
                }
                RunningStack subject = server ? listening : connecting;
                if (!s.flows()) {
                    return;
                }
                if (server && pollPath != null) {
                    s.poll(port, pollPath);
                }
                s.sendCommand(subject);
                s.unknownCommand(subject);
                s.closeCodes(subject);
                s.stop(subject);
            }
        }
    }

    private RunningStack launch(StackDescriptor d, String label, String role, Timeline tl) {
        return launch(d, label, List.of(role, "--port", "0", "--tick-ms", "100"), tl);
    }

    /** Launches {@code args} (role, then options); {@code label} is its timeline source and log file name. */
    private RunningStack launch(StackDescriptor d, String label, List<String> args, Timeline tl) {
        return RunningStack.launch(d, args.get(0), args.subList(1, args.size()), label, logDir, tl, Optional.empty());
    }

    /** The checks of one session: subject and peer are timeline sources. */
    private final class Session {
        private final String role;
        private final Timeline tl;
        private final String subject;
        private final String peer;

        Session(String role, Timeline tl) {
            this.role = role;
            this.tl = tl;
            this.subject = "subject-" + role;
            this.peer = "peer-" + role;
        }

        private Predicate<Event> from(String source, String ev) {
            return e -> e.source().equals(source) && e.ev().equals(ev);
        }

        /** Open, numbered pushes, numbered sends, echoes: false when nothing opened. */
        boolean flows() {
            if (tl.await(from(subject, "open"), flow).isEmpty()) {
                checks.add(KitCheck.fail(role + ": open", "no open event within " + flow.toSeconds() + " s; peer saw: "
                        + seen(peer)));
                return false;
            }
            checks.add(KitCheck.pass(role + ": open", ""));
            boolean server = role.equals("server");
            String pushed = server ? peer : subject;
            String sent = server ? subject : peer;
            count(role + ": numbered pushes arrive", from(pushed, "recv").and(e -> e.num("seq", -1) >= 0), pushed);
            count(role + ": numbered sends arrive", from(sent, "recv").and(e -> e.num("seq", -1) >= 0), sent);
            count(role + ": each send is echoed back", from(pushed, "echo").and(e -> e.num("seq", -1) >= 0), pushed);
            return true;
        }

        private void count(String name, Predicate<Event> match, String where) {
            int n = tl.awaitDistinct(match, e -> e.num("seq", -1), 3, flow);
            checks.add(n >= 3 ? KitCheck.pass(name, "") : KitCheck.fail(name, n + " of 3 numbered messages at the "
                    + where + " within " + flow.toSeconds() + " s"));
        }

        /**
         * The polling fallback's endpoint, when info declares it: GET it on the WebSocket port and
         * find the pushes the peer received, with CORS open.
         */
        void poll(int port, String path) {
            String name = role + ": GET " + path + "?since=0 answers the pushes (info declares poll)";
            Set<Long> pushed = new java.util.HashSet<>();
            tl.snapshot().stream().filter(from(peer, "recv")).forEach(e -> pushed.add(e.num("seq", -1)));
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(flow).build();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path
                        + "?since=0")).timeout(flow).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = Pattern.compile("\\{\\s*\"seq\"\\s*:\\s*(\\d+)\\s*}").matcher(r.body());
                Set<Long> polled = new java.util.HashSet<>();
                while (m.find()) {
                    polled.add(Long.parseLong(m.group(1)));
                }
                List<String> wrong = new ArrayList<>();
                if (r.statusCode() != 200) {
                    wrong.add("status " + r.statusCode());
                }
                if (!"*".equals(r.headers().firstValue("access-control-allow-origin").orElse(""))) {
                    wrong.add("no Access-Control-Allow-Origin: *");
                }
                if (!r.body().contains("\"instance\"") || !r.body().contains("\"next\"")) {
                    wrong.add("no instance or next in " + r.body().substring(0, Math.min(120, r.body().length())));
                }
                if (pushed.stream().noneMatch(polled::contains)) {
                    wrong.add("none of the " + pushed.size() + " pushes the peer received");
                }
                checks.add(wrong.isEmpty() ? KitCheck.pass(name, polled.size() + " pushes")
                        : KitCheck.fail(name, String.join("; ", wrong)));
            } catch (IOException e) {
                checks.add(KitCheck.fail(name, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                checks.add(KitCheck.fail(name, "interrupted"));
            }
        }

        void sendCommand(RunningStack process) {
            String name = role + ": 'send <session> <text>' puts the text on the wire";
            process.command("send * {\"seq\":" + COMMANDED_SEQ + "}");
            boolean got = tl.await(from(peer, "recv").and(e -> e.num("seq", -1) == COMMANDED_SEQ), flow).isPresent();
            checks.add(got ? KitCheck.pass(name, "") : KitCheck.fail(name, "the peer never received seq " + COMMANDED_SEQ));
        }

        void unknownCommand(RunningStack process) {
            String name = role + ": an unknown command is an error event, not a crash";
            long mark = tl.nowMicros();
            process.command("frobnicate all");
            Optional<Event> error = tl.await(from(subject, "error").and(e -> e.tMicros() >= mark), flow);
            boolean alive = !process.awaitExit(Duration.ofMillis(300));
            checks.add(error.isPresent() && alive ? KitCheck.pass(name, error.get().str("error"))
                    : KitCheck.fail(name, (error.isEmpty() ? "no error event" : "an error event") + (alive ? ""
                    : ", and the process exited with " + process.exitCode())));
        }

        void closeCodes(RunningStack process) {
            if (!stack.protocol().equals(StackDescriptor.WEBSOCKET)) {
                checks.add(KitCheck.skipped(role + ": 'close' passes 1000, 4000 and 4999 through",
                        stack.protocol() + " has no close codes on the wire"));
                return;
            }
            for (int code : CODES) {
                String name = role + ": 'close <session> " + code + " <reason>' passes the code through";
                Optional<String> session = openSession(subject);
                if (session.isEmpty()) {
                    checks.add(KitCheck.fail(name, "no open session to close (the client side must reconnect with backoff after a close: docs/contract.md, --reconnect)"));
                    return;
                }
                long mark = tl.nowMicros();
                String reason = "kit" + code;
                process.command("close " + session.get() + " " + code + " " + reason);
                Optional<Event> close = tl.await(from(peer, "close").and(e -> e.tMicros() >= mark), flow);
                boolean ok = close.isPresent() && close.get().num("code", -1) == code && reason.equals(close.get().str("reason"));
                checks.add(ok ? KitCheck.pass(name, "") : KitCheck.fail(name, close.map(e -> "the peer saw code "
                        + e.num("code", -1) + " reason '" + e.str("reason") + "'").orElse("the peer saw no close")));
                // The client side reconnects with the contract's backoff: a new session for the next code.
                tl.await(from(subject, "open").and(e -> e.tMicros() >= mark), flow);
            }
        }

        void stop(RunningStack process) {
            String name = role + ": 'stop' closes with 1001, says stopped and exits 0";
            boolean websocket = stack.protocol().equals(StackDescriptor.WEBSOCKET);
            openSession(subject);
            long mark = tl.nowMicros();
            process.command("stop");
            Optional<Event> close = tl.await(from(peer, "close").and(e -> e.tMicros() >= mark), flow);
            Optional<Event> stopped = tl.await(from(subject, "stopped"), flow);
            boolean exited = process.awaitExit(flow);
            List<String> wrong = new ArrayList<>();
            if (close.isEmpty()) {
                wrong.add("the peer saw no close");
            } else if (websocket && close.get().num("code", -1) != 1001) {
                wrong.add("the peer saw code " + close.get().num("code", -1));
            }
            if (stopped.isEmpty()) {
                wrong.add("no stopped event");
            }
            if (!exited || !Integer.valueOf(0).equals(process.exitCode())) {
                wrong.add(exited ? "exit " + process.exitCode() : "no exit within " + flow.toSeconds() + " s");
            }
            checks.add(wrong.isEmpty() ? KitCheck.pass(name, websocket ? "" : "close code not checked: " + stack.protocol())
                    : KitCheck.fail(name, String.join("; ", wrong)));
        }

        /** The newest session of {@code source} that opened and has not closed. */
        private Optional<String> openSession(String source) {
            tl.await(from(source, "open"), flow);
            List<Event> events = tl.snapshot();
            for (int i = events.size() - 1; i >= 0; i--) {
                Event e = events.get(i);
                if (e.source().equals(source) && e.ev().equals("open")) {
                    String id = e.session();
                    boolean closed = events.subList(i, events.size()).stream()
                            .anyMatch(x -> x.source().equals(source) && x.ev().equals("close") && id.equals(x.session()));
                    return closed ? waitForNewSession(source, e.tMicros()) : Optional.of(id);
                }
            }
            return Optional.empty();
        }

        private Optional<String> waitForNewSession(String source, long after) {
            return tl.await(from(source, "open").and(e -> e.tMicros() > after), flow).map(Event::session);
        }

        private String seen(String source) {
            List<String> evs = tl.snapshot().stream().filter(e -> e.source().equals(source)).map(Event::ev).distinct()
                    .toList();
            return evs.isEmpty() ? "nothing" : String.join(", ", evs);
        }
    }

    /** Exit within {@link #EOF_EXIT} of stdin EOF, and no process of the stack's tree left. */
    private void eof(String role) {
        String name = role + ": exits within " + EOF_EXIT.toMillis() + " ms of stdin EOF, no child left";
        Timeline tl = new Timeline(Clock.systemUTC());
        boolean server = role.equals("server");
        String label = "eof-" + role;
        try (RunningStack peer = server ? null : launch(referenceServer, "eof-peer", "server", tl)) {
            List<String> args = server ? List.of("server", "--port", "0", "--tick-ms", "100")
                    : List.of("client", "--url", "ws://127.0.0.1:" + readyPort(peer) + "/ws", "--send-ms", "100",
                    "--reconnect", "backoff");
            try (RunningStack subject = launch(stack, label, args, tl)) {
                subject.awaitReady(start);
                tl.await(e -> e.source().equals(label) && e.ev().equals("open"), server ? Duration.ZERO : flow);
                List<ProcessHandle> tree = ProcessHandle.of(subject.pid()).map(h -> h.descendants().toList())
                        .orElse(List.of());
                long began = System.nanoTime();
                subject.endInput();
                boolean exited = subject.awaitExit(EOF_EXIT);
                long tookMs = (System.nanoTime() - began) / 1_000_000;
                // A child may take a moment longer to go than its parent; it must go all the same. A killed
                // child whose parent went first stays a zombie until init reaps it: dead, so not counted.
                long deadline = System.nanoTime() + EOF_EXIT.toNanos();
                while (tree.stream().anyMatch(ProcessTree::isRunning) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                List<Long> left = tree.stream().filter(ProcessTree::isRunning).map(ProcessHandle::pid).toList();
                ProcessTree.kill(tree);
                if (!exited) {
                    checks.add(KitCheck.fail(name, "still running " + EOF_EXIT.toMillis() + " ms after EOF"));
                } else if (!left.isEmpty()) {
                    checks.add(KitCheck.fail(name, "exited in " + tookMs + " ms but left children " + left));
                } else {
                    checks.add(KitCheck.pass(name, "exited in " + tookMs + " ms, " + tree.size() + " children gone"));
                }
            } catch (RunningStack.NotReadyException e) {
                checks.add(KitCheck.fail(name, e.getMessage().lines().findFirst().orElse("")));
            }
        } catch (RunningStack.NotReadyException e) {
            checks.add(KitCheck.fail(name, "the reference server did not start: " + e.getMessage().lines().findFirst()
                    .orElse("")));
        }
    }

    private int readyPort(RunningStack peer) {
        peer.awaitReady(start);
        return peer.port();
    }
}
