package io.wsbed.harness.tck;

/**
 * The outcome of one check of the kit.
 *
 * @param name what was checked, e.g. "server: close 4000 passes through"
 * @param status passed, failed, or not applicable to this stack (with why)
 * @param detail what the check saw: the fact that failed it, or a short note
 */
public record KitCheck(String name, Status status, String detail) {

    /** Passed, failed, or not applicable. */
    public enum Status { PASS, FAIL, SKIPPED }

    static KitCheck pass(String name, String detail) {
        return new KitCheck(name, Status.PASS, detail);
    }

    static KitCheck fail(String name, String detail) {
        return new KitCheck(name, Status.FAIL, detail);
    }

    static KitCheck skipped(String name, String why) {
        return new KitCheck(name, Status.SKIPPED, why);
    }

    /** "PASS  server: ready with a real port (port 41234)". */
    public String line() {
        return String.format("%-7s %s%s", status, name, detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
