package io.wsbed.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.harness.check.Recheck;
import io.wsbed.harness.result.CellResult;
import io.wsbed.harness.result.Results;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rechecking a run's results.json must reproduce every cell exactly: verdict, reason, key figure,
 * every metric and every observation. A difference means a checker read something the stored
 * history does not hold (a live clock, a process), which a pure checker must never do.
 */
final class RecheckAgreement {
    private RecheckAgreement() {
    }

    /**
     * @param live the results as the run produced them
     * @param stored the same results read back from the results.json the run wrote
     */
    static void assertReproduced(Results live, Results stored) {
        Results rechecked = Recheck.recheck(stored, "results.json");
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < live.cells().size(); i++) {
            CellResult a = live.cells().get(i);
            CellResult b = rechecked.cells().get(i);
            compare(differences, a.id(), "verdict", a.verdict(), b.verdict());
            compare(differences, a.id(), "reason", a.reason(), b.reason());
            compare(differences, a.id(), "key figure", a.keyFigure(), b.keyFigure());
            compare(differences, a.id(), "metrics", numbers(a.metrics()), numbers(b.metrics()));
            compare(differences, a.id(), "observations", numbers(a.observations()), numbers(b.observations()));
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " differences between the live run and its recheck:\n  "
                    + String.join("\n  ", differences));
        }
    }

    private static void compare(List<String> out, String cell, String what, Object live, Object rechecked) {
        if (!Objects.equals(live, rechecked)) {
            out.add(cell + " " + what + ": live " + live + ", rechecked " + rechecked);
        }
    }

    /** The map as results.json writes it, so 3 (an Integer read back) and 3L (a Long computed live) compare equal. */
    private static String numbers(Map<String, Object> m) {
        return m.toString();
    }
}
