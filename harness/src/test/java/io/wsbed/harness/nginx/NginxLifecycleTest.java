package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.FreePort;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle every nginx variant shares (port retry, readiness, reload wait, logs on close),
 * against a fake runtime whose masters only bind a loopback port: no nginx, milliseconds.
 */
class NginxLifecycleTest {
    private static final NginxConfigRenderer RENDERER = new NginxConfigRenderer(
            "listen {{listen}}; upstream {{upstream}}; proxy_read_timeout {{proxy_read_timeout}};"
                    + " proxy_send_timeout {{proxy_send_timeout}}; {{worker_shutdown_timeout}}", "test template");
    private static final NginxLifecycle.Timeouts FAST = new NginxLifecycle.Timeouts(Duration.ofMillis(300),
            Duration.ofMillis(300));
    private static final Path LOGS = Path.of("target", "nginx-test-logs", "lifecycle");

    private final FakeRuntime runtime = new FakeRuntime();
    private ServerSocket squatter;

    @BeforeEach
    void takeAPort() throws IOException {
        squatter = new ServerSocket();
        squatter.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void release() throws IOException {
        squatter.close();
        runtime.masters.forEach(FakeMaster::close);
    }

    @Test
    void readyOnceThePortAnswersAndThePidFileIsWritten() {
        try (NginxLifecycle nginx = start(FreePort::loopback, Behaviour.BINDS)) {
            FakeMaster master = runtime.only();
            assertEquals(master.port, nginx.port());
            assertEquals(master.pid, nginx.masterPid());
            assertEquals(Set.of(master.pid + 1), nginx.workerPids());
        }
    }

    @Test
    void retriesOnAnotherPortWhenTheChosenOneIsTaken() {
        List<Integer> offered = new ArrayList<>();
        IntSupplier ports = () -> {
            int p = offered.isEmpty() ? squatter.getLocalPort() : FreePort.loopback();
            offered.add(p);
            return p;
        };

        try (NginxLifecycle nginx = start(ports, Behaviour.BINDS)) {
            assertEquals(2, runtime.masters.size(), "one clash, one retry");
            FakeMaster clashed = runtime.masters.get(0);
            assertTrue(clashed.closed, "the master that could not bind is closed at once");
            assertTrue(clashed.keptIn.isEmpty(), "a clash is not a failure: its logs are not kept");
            assertNotEquals(squatter.getLocalPort(), nginx.port());
            assertEquals(offered.get(1), nginx.port());
        }
    }

    @Test
    void givesUpWhenEveryPortItTriesIsTaken() {
        HarnessException e = assertThrows(HarnessException.class, () -> start(squatter::getLocalPort, Behaviour.BINDS));

        assertTrue(e.getMessage().contains("every one of " + NginxLifecycle.MAX_ATTEMPTS), e.getMessage());
        assertEquals(NginxLifecycle.MAX_ATTEMPTS, runtime.masters.size());
        assertTrue(runtime.masters.stream().allMatch(m -> m.closed), "every attempt is cleaned up");
    }

    @Test
    void aMasterThatDiesFailsTheStartWithItsReasonAndKeepsItsLogs() {
        HarnessException e = assertThrows(HarnessException.class, () -> start(FreePort::loopback, Behaviour.DIES));

        FakeMaster master = runtime.only();
        assertTrue(e.getMessage().contains("nginx exited with code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("    nginx: [emerg] unknown directive"), "the output's tail: " + e.getMessage());
        assertTrue(e.getMessage().contains(LOGS.toAbsolutePath().toString()), e.getMessage());
        assertEquals(List.of(LOGS), master.keptIn);
        assertTrue(master.closed);
    }

    @Test
    void aListenerThatIsNotNginxsIsNotReadinessAndTheWaitIsBounded() {
        // The port answers (another process holds it) but nginx never confirms with its pid file.
        long began = System.nanoTime();
        HarnessException e = assertThrows(HarnessException.class,
                () -> start(squatter::getLocalPort, Behaviour.HANGS));

        assertTrue(e.getMessage().contains("not ready within 300 ms"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(Duration.ofSeconds(5)) < 0, "bounded");
        assertTrue(runtime.only().closed);
    }

    @Test
    void reloadWritesTheNewConfigAndWaitsForANewWorker() {
        try (NginxLifecycle nginx = start(FreePort::loopback, Behaviour.BINDS)) {
            FakeMaster master = runtime.only();
            master.newWorkerAfterPolls = 3;
            NginxSettings next = NginxSettings.NGINX_DEFAULTS.withReadTimeout(Duration.ofSeconds(2));

            NginxReload reload = nginx.reload(next);

            assertEquals(Set.of(master.pid + 1), reload.oldWorkers());
            assertEquals(Set.of(master.pid + 2), reload.newWorkers());
            assertEquals(List.of("reload"), master.signals);
            assertTrue(master.config.contains("proxy_read_timeout 2000ms;"), master.config);
            assertEquals(next, nginx.settings());
        }
    }

    @Test
    void aReloadThatStartsNoWorkerFailsAtItsBoundAndKeepsTheOldSettings() {
        try (NginxLifecycle nginx = start(FreePort::loopback, Behaviour.BINDS)) {
            runtime.only().newWorkerAfterPolls = Integer.MAX_VALUE;

            HarnessException e = assertThrows(HarnessException.class,
                    () -> nginx.reload(NginxSettings.NGINX_DEFAULTS.withReadTimeout(Duration.ofSeconds(2))));

            assertTrue(e.getMessage().contains("no new worker within 300 ms"), e.getMessage());
            assertEquals(NginxSettings.NGINX_DEFAULTS, nginx.settings());
        }
    }

    @Test
    void closeKeepsTheLogsThenClosesTheMasterOnce() {
        NginxLifecycle nginx = start(FreePort::loopback, Behaviour.BINDS);
        FakeMaster master = runtime.only();

        nginx.close();
        nginx.close();

        assertEquals(List.of(LOGS), master.keptIn, "logs kept once, before the master went");
        assertEquals(1, master.closings);
        assertThrows(IllegalStateException.class, nginx::reload);
    }

    @Test
    void stopAsksNginxToQuitThenCloses() {
        NginxLifecycle nginx = start(FreePort::loopback, Behaviour.BINDS);
        FakeMaster master = runtime.only();

        nginx.stop(Duration.ofSeconds(1));

        assertEquals(List.of("quit"), master.signals);
        assertTrue(master.closed);
        assertEquals(List.of(LOGS), master.keptIn);
    }

    private NginxLifecycle start(IntSupplier ports, Behaviour behaviour) {
        runtime.behaviour = behaviour;
        return NginxLifecycle.start(runtime, RENDERER, NginxSettings.NGINX_DEFAULTS, 1, LOGS, ports, FAST);
    }

    private enum Behaviour { BINDS, DIES, HANGS }

    private static final class FakeRuntime implements NginxRuntime {
        final List<FakeMaster> masters = new ArrayList<>();
        Behaviour behaviour;

        @Override
        public NginxMaster start(String config) {
            FakeMaster m = new FakeMaster(config, behaviour, 1000L * (masters.size() + 1));
            masters.add(m);
            return m;
        }

        FakeMaster only() {
            assertEquals(1, masters.size(), "masters started");
            return masters.get(0);
        }
    }

    /** Binds the config's listen port like nginx: a taken port shows as nginx's bind error in its output. */
    private static final class FakeMaster implements NginxMaster {
        private static final Pattern LISTEN = Pattern.compile("listen 127\\.0\\.0\\.1:(\\d+);");

        final int port;
        final long pid;
        final List<String> signals = new ArrayList<>();
        final List<Path> keptIn = new ArrayList<>();
        final Set<Long> workers = new TreeSet<>();
        String config;
        String output = "";
        boolean alive = true;
        boolean closed;
        int closings;
        int newWorkerAfterPolls = -1;
        private ServerSocket socket;

        FakeMaster(String config, Behaviour behaviour, long pid) {
            Matcher m = LISTEN.matcher(config);
            assertTrue(m.find(), "the config names a loopback listen port: " + config);
            this.port = Integer.parseInt(m.group(1));
            this.pid = pid;
            this.config = config;
            switch (behaviour) {
                case BINDS -> bind();
                case DIES -> {
                    output = "nginx: [emerg] unknown directive \"no_such_directive\"\n";
                    alive = false;
                }
                case HANGS -> { }
            }
        }

        private void bind() {
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress("127.0.0.1", port));
                workers.add(pid + 1);
            } catch (IOException e) {
                // nginx keeps retrying a failed bind for a while; so does this master: it stays alive.
                output = "nginx: [emerg] bind() to 127.0.0.1:" + port + " failed (98: Address already in use)\n";
            }
        }

        @Override
        public String version() {
            return "0.0-fake";
        }

        @Override
        public String describe() {
            return "fake master " + pid;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public String exitReason() {
            return "nginx exited with code 1";
        }

        @Override
        public String output() {
            return output;
        }

        @Override
        public OptionalLong readPid() {
            return socket != null && socket.isBound() ? OptionalLong.of(pid) : OptionalLong.empty();
        }

        @Override
        public synchronized Set<Long> workerPids(long masterPid) {
            assertEquals(pid, masterPid, "the lifecycle asks for the workers of the pid it was ready with");
            if (newWorkerAfterPolls >= 0 && newWorkerAfterPolls-- == 0) {
                workers.add(pid + 2);
            }
            return Set.copyOf(workers);
        }

        @Override
        public void writeConfig(String config) {
            this.config = config;
        }

        @Override
        public void signal(String signal) {
            signals.add(signal);
            if (signal.equals("quit")) {
                alive = false;
            }
        }

        @Override
        public boolean awaitExit(Duration timeout) {
            return !alive;
        }

        @Override
        public void keepLogs(Path folder) {
            keptIn.add(folder);
        }

        @Override
        public void close() {
            closings++;
            closed = true;
            alive = false;
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // A test double: nothing to report.
            }
        }
    }
}
