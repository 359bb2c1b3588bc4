package io.wsbed.harness.verdict;

/**
 * How a stack fared in one cell. PASS, DEGRADED and FAIL describe the stack and never fail the
 * build; SKIPPED means a component was missing; ERROR means the harness broke and always fails.
 */
public enum Verdict {
    PASS, DEGRADED, FAIL, SKIPPED, ERROR
}
