package io.wsbed.harness;

/**
 * The harness itself failed (a process would not start, a wait that must succeed did not, a file
 * could not be written). Always an ERROR, never a stack finding.
 */
public class HarnessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A configuration mistake; the message names the fix. */
    public static ConfigurationException configuration(String message) {
        return new ConfigurationException(message);
    }
}
