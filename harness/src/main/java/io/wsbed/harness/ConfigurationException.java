package io.wsbed.harness;

/**
 * A configuration mistake (an unknown id, a malformed value, a missing file given as input): the
 * user can fix it, the harness is fine. Its message starts with "Configuration error:" and names
 * the fix. A type of its own so that callers (the CLI's exit code) decide by type, not by text.
 */
public final class ConfigurationException extends HarnessException {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
        super("Configuration error: " + message);
    }
}
