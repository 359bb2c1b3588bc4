package io.wsbed.harness.haproxy;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ConfigTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the checked-in HAProxy template (the repository's {@code haproxy/lb-failover.cfg.template},
 * packaged with the harness) for one frontend port and the instances' ports, everything on
 * 127.0.0.1. The instances are named {@code i1, i2, ...} in the order given.
 */
public final class HaproxyConfig {
    static final String RESOURCE = "lb-failover.cfg.template";
    private static final String LOOPBACK = "127.0.0.1";

    private final ConfigTemplate template;

    HaproxyConfig(ConfigTemplate template) {
        this.template = template;
    }

    /** The packaged template. */
    public static HaproxyConfig packaged() {
        try (InputStream in = HaproxyConfig.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new HarnessException("the harness jar has no " + RESOURCE + " next to " + HaproxyConfig.class.getName());
            }
            return new HaproxyConfig(new ConfigTemplate("haproxy", new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "haproxy/" + RESOURCE));
        } catch (IOException e) {
            throw new HarnessException("cannot read the HAProxy template: " + e.getMessage(), e);
        }
    }

    /** The config for HAProxy on 127.0.0.1:{@code listenPort} in front of the instances' ports. */
    public String render(HaproxySettings s, int listenPort, List<Integer> instancePorts) {
        if (instancePorts.isEmpty()) {
            throw new IllegalArgumentException("HAProxy needs at least one instance behind it");
        }
        Map<String, String> v = new LinkedHashMap<>();
        v.put("listen", LOOPBACK + ":" + port(listenPort));
        v.put("timeout_connect", ms(s.connect().toMillis()));
        v.put("timeout_client", ms(s.client().toMillis()));
        v.put("timeout_server", ms(s.server().toMillis()));
        v.put("timeout_tunnel", ms(s.tunnel().toMillis()));
        v.put("retries", Integer.toString(s.retries()));
        v.put("check_inter", ms(s.checkInter().toMillis()));
        v.put("check_fall", Integer.toString(s.fall()));
        v.put("check_rise", Integer.toString(s.rise()));
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < instancePorts.size(); i++) {
            servers.append("    server ").append(instanceName(i)).append(' ').append(LOOPBACK).append(':')
                    .append(port(instancePorts.get(i))).append('\n');
        }
        v.put("servers", servers.toString().stripTrailing());
        return template.fill(v);
    }

    /** The name the config gives the instance at this index (0-based): i1, i2, ... */
    public static String instanceName(int index) {
        return "i" + (index + 1);
    }

    private static String ms(long millis) {
        return millis + "ms";
    }

    private static int port(int p) {
        if (p < 1 || p > 65_535) {
            throw new IllegalArgumentException("a port is 1..65535, got " + p);
        }
        return p;
    }
}
