package io.wsbed.harness.nginx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Run in a separate JVM by {@link NginxWatchdogTest}: starts nginx, prints its process tree on
 * one line, then waits to be killed (at most a minute, so a broken test cannot leave it behind).
 */
public final class NginxChildMain {
    static final String READY = "NGINX-TREE";

    private NginxChildMain() {
    }

    /** Arguments: the repository root, the log folder. */
    public static void main(String[] args) throws Exception {
        NginxLookup lookup = NginxLookup.locate(System.getProperty("wsbed.nginx.bin"));
        try (NginxLifecycle proxy = NginxTestSupport.start(lookup.binary(),
                NginxConfigRenderer.fromRepository(Path.of(args[0])),
                NginxTestSupport.FAST, 1, Path.of(args[1]))) {
            // The prefix first: a killed JVM cannot delete it, so the test does.
            System.out.println(READY + " " + ((NginxProcess) proxy.master()).prefixRoot() + " "
                    + NginxTestSupport.processTreePids(proxy).stream().map(String::valueOf).collect(Collectors.joining(" ")));
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(1).toMillis());
        }
    }
}
