package io.wsbed.harness.infra;

import io.wsbed.harness.nginx.NginxSettings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;

/**
 * A harness stand-in for the cleanup test, run as its own JVM: connects a containers
 * infrastructure, starts Toxiproxy and one nginx, prints "ready &lt;run id&gt;" and waits to be
 * interrupted or killed.
 */
final class ContainerChildMain {
    private ContainerChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Infrastructures.Decision d = DockerTestSupport.requireContainers();
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ContainerInfrastructure infra = DockerTestSupport.connect(d);
            infra.toxiproxy();
            infra.startNginx(NginxSettings.NGINX_DEFAULTS, upstream.getLocalPort(), Files.createTempDirectory("wsbed-child"));
            System.out.println("ready " + infra.runId());
            System.out.flush();
            Thread.sleep(120_000); // bounded: a test that forgot it still ends
            infra.close();
        }
    }
}
