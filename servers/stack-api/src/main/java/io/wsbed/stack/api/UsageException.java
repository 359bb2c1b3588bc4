package io.wsbed.stack.api;

/** Bad command-line options: the process prints the message on stderr and exits with code 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
