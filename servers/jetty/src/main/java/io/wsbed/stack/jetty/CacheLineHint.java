package io.wsbed.stack.jetty;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Answers, before Jetty asks, the one question that makes Jetty start the JMX platform MBean
 * server: how many object references fit in a cache line.
 *
 * <p>Jetty's {@code MemoryUtils} finds out by invoking the HotSpotDiagnostic MBean through
 * {@code ManagementFactory.getPlatformMBeanServer()}, unless the system property
 * {@value #PROPERTY} is set. Building the platform MBean server cost about 90 ms of a server's
 * ~600 ms from launch to "ready" here (2 cores), and the harness starts many processes.
 * The value only sizes padding against false sharing; it is computed here with the same rule
 * (16 with compressed oops, 8 without, for a 64-byte line) from the diagnostic MXBean directly,
 * which skips the MBean server. A value set by the user is left alone.
 */
final class CacheLineHint {
    static final String PROPERTY = "org.eclipse.jetty.util.referencesPerCacheLine";
    private static final String CACHE_LINE_PROPERTY = "org.eclipse.jetty.util.cacheLineBytes";

    private CacheLineHint() {
    }

    /** Sets {@value #PROPERTY} unless it is set already; on any doubt leaves Jetty to ask itself. */
    static void apply() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            int cacheLineBytes = Integer.parseInt(System.getProperty(CACHE_LINE_PROPERTY, "64"));
            HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean compressedOops = Boolean.parseBoolean(diagnostic.getVMOption("UseCompressedOops").getValue());
            int referenceBytes = compressedOops ? 4 : 8;
            System.setProperty(PROPERTY, Integer.toString(cacheLineBytes / referenceBytes));
        } catch (RuntimeException | LinkageError e) {
            // Not a HotSpot JVM or no such option: Jetty's own probe decides, only slower.
        }
    }
}
