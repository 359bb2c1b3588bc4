package io.wsbed.harness.report;

import io.wsbed.harness.scenario.NetworkPath;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Checks what the reference notes (shared/reference/stacks.md) predict each stack tells the
 * application against what the run recorded: close codes and errors when the peer is killed,
 * the outcome of a send after a local close, and the close code the peer gets when the stack's own
 * idle timeout ends a quiet session. The run is the authority.
 */
public final class Predictions {
    private static final String RESOURCE = "predictions.properties";
    /** Whether a quiet connection through nginx survived, in the profile named after the dot. */
    private static final String NGINX_IDLE = "nginx-idle.";

    /**
     * One prediction and what the run saw.
     *
     * @param key e.g. "jetty.client.killed-peer.close"
     * @param predicted what stacks.md says
     * @param observed what the run recorded, or null when no cell measured it
     * @param cell the cell the observation comes from, or null
     * @param status "confirmed", "saw instead" or "not measured"
     */
    public record Check(String key, String predicted, String observed, String cell, String status) {
        /** A check whose status follows from what was predicted and observed. */
        public Check(String key, String predicted, String observed, String cell) {
            this(key, predicted, observed, cell, observed == null ? "not measured"
                    : observed.equals(predicted) ? "confirmed" : "saw instead");
        }
    }

    private Predictions() {
    }

    /** Every prediction, in key order, with the run's observation. */
    public static List<Check> check(Results results) {
        List<Check> out = new ArrayList<>();
        for (Map.Entry<String, String> p : load().entrySet()) {
            String[] k = split(p.getKey());
            Optional<CellResult> cell = source(results, k[0], k[1], k[2]);
            String observed = cell.map(c -> observe(c, k[1], k[2])).orElse(null);
            out.add(new Check(p.getKey(), p.getValue(), observed, cell.map(CellResult::id).orElse(null)));
        }
        return out;
    }

    /**
     * "socket.io.client.killed-peer.close" -> socket.io, client, killed-peer.close: the role word
     * splits the key, so a stack id may hold dots.
     */
    static String[] split(String key) {
        for (String role : List.of(".server.", ".client.")) {
            int at = key.indexOf(role);
            if (at > 0) {
                return new String[] {key.substring(0, at), role.substring(1, role.length() - 1),
                        key.substring(at + role.length())};
            }
        }
        throw new IllegalStateException("prediction key '" + key + "' names no role (.server. or .client.)");
    }

    /**
     * The cell that measures a prediction: default profile, direct path, the stack in that role;
     * nginx-idle.&lt;profile&gt; is the nginx-idle-timeout cell of that profile (through nginx).
     */
    private static Optional<CellResult> source(Results results, String stack, String role, String what) {
        boolean nginx = what.startsWith(NGINX_IDLE);
        String scenario = what.startsWith("killed-peer") ? (role.equals("client") ? "server-crash" : "client-crash")
                : what.equals("connect-refused") ? "server-crash"
                : nginx ? "nginx-idle-timeout"
                : what.startsWith("idle-timeout") ? role + "-idle-timeout"
                : what.startsWith("message-size") ? "message-size" : "send-after-close";
        String profile = nginx ? what.substring(NGINX_IDLE.length()) : "default";
        NetworkPath path = nginx ? NetworkPath.NGINX : NetworkPath.DIRECT;
        return results.cells().stream()
                .filter(c -> c.scenario().equals(scenario) && c.profile().equals(profile) && c.path() == path)
                .filter(c -> role.equals("client") ? c.client().equals(stack) : c.server().equals(stack))
                .findFirst();
    }

    private static String observe(CellResult c, String role, String what) {
        Map<String, Object> obs = c.observations();
        return switch (what) {
            case "killed-peer.close" -> text(obs.get(role + "_close_code"), "no close");
            case "killed-peer.error" -> text(obs.get(role + "_error"), "no error");
            case "idle-timeout.peer-close" -> "yes".equals(obs.get("kept_open")) ? "kept open"
                    : text(obs.get((role.equals("client") ? "server" : "client") + "_close_code"), "no close");
            case "send-after-close" -> {
                Object outcome = obs.get(role + "_local_close_outcome");
                Object error = obs.get(role + "_local_close_error");
                yield outcome == null ? null : outcome + (error == null ? "" : " " + error);
            }
            // The browsers' own lines: the connect error's `fired` (the browser's events in order) and the
            // observation of the send after the local close (console, try/catch, window.onerror).
            case "connect-refused" -> field(c, role, "error", "connect", "fired");
            case "send-after-close.console" -> field(c, role, "observation", null, "console");
            case "send-after-close.caught" -> {
                String tryCatch = field(c, role, "observation", null, "caught_by_try_catch");
                String onerror = field(c, role, "observation", null, "window_onerror");
                yield tryCatch == null ? null : "try/catch " + tryCatch + ", window.onerror " + onerror;
            }
            default -> what.startsWith(NGINX_IDLE) ? (String) obs.get("survived") : what.startsWith("message-size.")
                    // The role that receives the message: a server receives what the client sent.
                    ? (String) obs.get((role.equals("server") ? "c2s_" : "s2c_") + what.substring("message-size.".length())
                            + "_outcome")
                    : null;
        };
    }

    /** A field of the role's first event of that name (and phase, when given) in the cell's timeline. */
    private static String field(CellResult c, String role, String ev, String phase, String name) {
        return c.timeline().stream()
                .filter(e -> e.source().startsWith(role) && e.ev().equals(ev)
                        && (phase == null || phase.equals(e.fields().get("phase"))))
                .map(e -> e.fields().get(name)).filter(java.util.Objects::nonNull).map(Object::toString)
                .findFirst().orElse(null);
    }

    private static String text(Object value, String none) {
        return value == null ? none : value.toString();
    }

    private static Map<String, String> load() {
        Properties p = new Properties();
        try (InputStream in = Predictions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the harness jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> sorted = new TreeMap<>();
        p.forEach((k, v) -> sorted.put(k.toString(), v.toString().strip()));
        return sorted;
    }
}
