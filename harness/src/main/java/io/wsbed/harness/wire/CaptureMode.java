package io.wsbed.harness.wire;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.Executables;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether a run captures each cell's packets ({@code wsbed.capture}): {@code on}, {@code off}, or
 * {@code auto}, on where a tcpdump exists and may capture on the loopback interface. Resolved once
 * per run; {@link #describe()} is the one line the run prints about it.
 *
 * @param tcpdump the tcpdump binary when capture is on, else null
 * @param why why capture is off ("" when on)
 */
public record CaptureMode(Path tcpdump, String why) {
    public static final List<String> SETTINGS = List.of("auto", "on", "off");
    public static final String INSTALL = "apt-get install -y tcpdump";

    public static CaptureMode off(String why) {
        return new CaptureMode(null, why);
    }

    public boolean on() {
        return tcpdump != null;
    }

    /** "capture on (/usr/bin/tcpdump on lo)" or "capture off: <why>". */
    public String describe() {
        return on() ? "capture on (" + tcpdump + " on lo, " + WireCapture.SNAP_LENGTH + "-byte snap length, at most "
                + WireCapture.MAX_PACKETS + " packets a cell)" : "capture off: " + why;
    }

    /**
     * Resolves a setting: {@code off}; {@code auto} (off, with the reason, where tcpdump is missing
     * or may not capture); {@code on} (a configuration error naming the fix where it cannot).
     */
    public static CaptureMode resolve(String setting) {
        if (setting.equals("off")) {
            return off("wsbed.capture=off");
        }
        Optional<Path> binary = Executables.find("tcpdump");
        String problem = binary.isEmpty() ? "no tcpdump on PATH or in /usr/sbin (" + INSTALL + ")"
                : probe(binary.get());
        if (problem == null) {
            return new CaptureMode(binary.get(), "");
        }
        if (setting.equals("on")) {
            throw HarnessException.configuration("wsbed.capture=on, but " + problem + "; or use wsbed.capture=auto or off");
        }
        return off(problem);
    }

    /**
     * Null when tcpdump may capture on lo, else why not. {@code -d} opens the interface (that is
     * where a missing privilege shows) and prints the compiled filter instead of capturing.
     */
    static String probe(Path tcpdump) {
        try {
            Process p = new ProcessBuilder(tcpdump.toString(), "-i", "lo", "-d", "tcp").redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return tcpdump + " -i lo -d did not answer within 5 s";
            }
            if (p.exitValue() == 0) {
                return null;
            }
            String first = new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("exit " + p.exitValue());
            return tcpdump + " may not capture on lo (" + first.strip() + "; run as root or grant it cap_net_raw)";
        } catch (IOException e) {
            return "cannot run " + tcpdump + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing " + tcpdump;
        }
    }
}
