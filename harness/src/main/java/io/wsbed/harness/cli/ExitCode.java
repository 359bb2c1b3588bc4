package io.wsbed.harness.cli;

import io.wsbed.harness.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the command line. A command returns one of these; a failure gets its code
 * from its exception type ({@link #of(Throwable)}), never from the text of its message. The
 * numbers are those wsbed has always used: 1 is shared by a broken harness and diff's "the runs
 * differ" (as diff(1) does), 3 is the baseline drift CI scripts look for.
 */
enum ExitCode {
    OK(0, "done (diff: the runs agree)"),
    HARNESS_ERROR(1, "the harness broke: a cell ended in ERROR, or a process, file or wait failed"),
    CHANGES(1, "diff: the runs differ; recheck: a verdict changed"),
    CONFIGURATION(2, "bad option, configuration or input; the one-line message names the fix"),
    DRIFT(3, "run, merge --baseline: a verdict drifted from the baseline");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    int code() {
        return code;
    }

    /** The code of a command that failed with {@code failure}. */
    static ExitCode of(Throwable failure) {
        return failure instanceof ConfigurationException ? CONFIGURATION : HARNESS_ERROR;
    }

    /** Code -> meaning, for the usage help (codes that share a number share a line). */
    static Map<String, String> table() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            rows.merge(Integer.toString(c.code), c.meaning, (a, b) -> a + "; " + b);
        }
        return rows;
    }
}
