package io.wsbed.harness.report;

import io.wsbed.harness.result.CellResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a cell's applications were told, in the form the findings, the compare view and the stack
 * cards compare: for each side, the kind of signal that ended its session ("close 1006", "close
 * without a code", "error", "send failed", "nothing"), and for each send after close, its outcome
 * ("failed", "threw", "false", "silent", "ok"). Read from the observations the checkers wrote
 * ({@code <side>_told}, {@code <role>_<moment>_outcome}); an error's class and a close's reason are
 * left out, because every library names its exceptions its own way.
 */
final class Signals {
    private static final String TOLD = "_told";
    private static final String OUTCOME = "_outcome";

    private Signals() {
    }

    /** Each signal the cell observed, by observation key, in the order the checker wrote them. */
    static Map<String, String> of(CellResult c) {
        Map<String, String> out = new LinkedHashMap<>();
        c.observations().forEach((key, value) -> {
            if (!(value instanceof String text) || !isSignal(key)) {
                return;
            }
            out.put(key, key.endsWith(TOLD) ? kind(text) : text);
        });
        return out;
    }

    /** Whether an observation key names a signal; the first of several sends after a kill is not one. */
    static boolean isSignal(String key) {
        return key.endsWith(TOLD) || key.endsWith(OUTCOME) && !key.endsWith("_first" + OUTCOME);
    }

    /** "client_told" -> "client was told"; "server_peer_killed_outcome" -> "server's send after peer killed". */
    static String label(String key) {
        if (key.endsWith(TOLD)) {
            return role(key) + " was told";
        }
        return role(key) + "'s send after " + moment(key);
    }

    /** The moment of a send's outcome key: "client_local_close_outcome" -> "local close". */
    static String moment(String key) {
        String stem = key.substring(role(key).length() + 1, key.length() - OUTCOME.length());
        return stem.replace('_', ' ');
    }

    /** The role a signal key belongs to: "client" or "server". */
    static String role(String key) {
        int split = key.indexOf('_');
        return split < 0 ? key : key.substring(0, split);
    }

    /**
     * The kind of a {@code <side>_told} text as TimelineQueries.told writes it: a close keeps its
     * code, an error and a send keep their kind, "nothing within N ms" is "nothing".
     */
    static String kind(String told) {
        if (told.startsWith("close without a code")) {
            return "close without a code";
        }
        String[] words = told.split(" ");
        return switch (words[0]) {
            case "close", "send" -> words.length > 1 ? words[0] + " " + words[1] : words[0];
            case "error", "nothing" -> words[0];
            default -> told;
        };
    }
}
