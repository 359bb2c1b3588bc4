package io.wsbed.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wsbed.harness.infra.Infrastructure;
import io.wsbed.harness.infra.NginxProxy;
import io.wsbed.harness.infra.ToxiproxyAccess;
import io.wsbed.harness.nginx.NginxLookup;
import io.wsbed.harness.nginx.NginxSettings;
import io.wsbed.harness.stack.StackInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A missing component makes its cells SKIPPED with the reason and the fix; nothing else is skipped. */
class SkipReasonTest {
    private static final StackInfo SERVER = new StackInfo("jetty", "Jetty", "12", List.of("server", "client"), "hb", "s");
    private static final StackInfo CLIENT = new StackInfo("jdk", "JDK", "17", List.of("client"), "hb", "s");

    /** Infrastructure without nginx; it must never be asked to start anything. */
    private static final Infrastructure NO_NGINX = new Infrastructure() {
        @Override
        public String kind() {
            return "local";
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of();
        }

        @Override
        public Optional<String> nginxMissing() {
            return Optional.of(NginxLookup.MISSING_REASON);
        }

        @Override
        public ToxiproxyAccess toxiproxy() {
            throw new AssertionError("not expected");
        }

        @Override
        public NginxProxy startNginx(NginxSettings settings, int upstreamPort, Path logDir) {
            throw new AssertionError("not expected");
        }

        @Override
        public void close() {
        }
    };

    @Test
    void nginxCellsAreSkippedWithTheFixWhenNginxIsMissing() {
        for (String id : List.of("nginx-idle-timeout", "nginx-reload", "server-crash")) {
            assertEquals("nginx not found: install the nginx package or set wsbed.nginx.bin",
                    Scenarios.create(id).skipReason(SERVER, CLIENT, NetworkPath.NGINX, NO_NGINX), id);
        }
    }

    @Test
    void wssCellsAreSkippedWithTheReasonWhereTheInfrastructureMakesNoCertificate() {
        // The interface's default: containers mode has no certificate for its nginx.
        assertEquals("wss cells run in the local mode only (local has no certificate for nginx)",
                Scenarios.create("server-crash").skipReason(SERVER, CLIENT, NetworkPath.WSS, NO_NGINX));
    }

    @Test
    void otherPathsStillRunWithoutNginx() {
        assertNull(Scenarios.create("server-crash").skipReason(SERVER, CLIENT, NetworkPath.DIRECT, NO_NGINX));
        assertNull(Scenarios.create("network-blackhole").skipReason(SERVER, CLIENT, NetworkPath.TOXIPROXY, NO_NGINX));
    }

    @Test
    void aStackWithoutTheRoleIsSkippedWithTheReason() {
        assertEquals("stack 'jdk' has no server role",
                Scenarios.create("server-crash").skipReason(CLIENT, CLIENT, NetworkPath.DIRECT, NO_NGINX));
    }

    @Test
    void thePollFallbackVariantsNeedTheModeInTheClientAndTheEndpointInTheServer() {
        StackInfo pollServer = SERVER.withPoll("/poll", true);
        StackInfo pollClient = CLIENT.withPoll("", true);
        for (String id : List.of("server-crash-poll-fallback", "network-blackhole-poll-fallback")) {
            Scenario s = Scenarios.create(id);
            NetworkPath path = s.paths().get(0);
            assertEquals("client stack 'jdk' has no --reconnect poll-fallback (its info does not declare poll_fallback)",
                    s.skipReason(pollServer, CLIENT, path, NO_NGINX), id);
            assertEquals("server stack 'jetty' serves no poll endpoint (its info does not declare poll)",
                    s.skipReason(SERVER, pollClient, path, NO_NGINX), id);
            assertNull(s.skipReason(pollServer, pollClient, path, NO_NGINX), id);
        }
        assertNull(Scenarios.create("server-crash").skipReason(SERVER, CLIENT, NetworkPath.DIRECT, NO_NGINX));
    }
}
