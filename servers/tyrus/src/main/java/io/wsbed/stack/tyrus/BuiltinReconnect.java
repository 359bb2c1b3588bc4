package io.wsbed.stack.tyrus;

import jakarta.websocket.CloseReason;
import org.glassfish.tyrus.client.ClientManager;

/**
 * Tyrus's own reconnect ({@code --reconnect builtin}): a {@link ClientManager.ReconnectHandler}
 * that always asks to reconnect and keeps Tyrus's shipped delay ({@code getDelay()} is not
 * overridden: a fixed 5 seconds before every attempt, no backoff, no attempt limit). Tyrus calls
 * it after every close of a session (after the endpoint's onClose) and after every failed connect;
 * a new session opens on the same endpoint instance, so the runtime sees it as a new session.
 *
 * <p>Each decision goes to stderr: the event stream has no line for a reconnect the stack makes
 * by itself (stack-api gives adapters no access to it).
 */
final class BuiltinReconnect extends ClientManager.ReconnectHandler {
    private volatile boolean stopped;
    private volatile ConnectAttempt first;

    /** The attempt whose failure is still undecided; a failure reaches it at once. */
    void firstAttempt(ConnectAttempt attempt) {
        first = attempt;
    }

    /** After this, Tyrus is told not to reconnect any more (the engine is closing). */
    void stop() {
        stopped = true;
    }

    @Override
    public boolean onDisconnect(CloseReason closeReason) {
        if (stopped) {
            return false;
        }
        System.err.println("tyrus reconnect handler: session closed (" + closeReason.getCloseCode().getCode()
                + " " + closeReason.getReasonPhrase() + "), Tyrus reconnects in " + getDelay() + " s");
        return true;
    }

    @Override
    public boolean onConnectFailure(Exception exception) {
        ConnectAttempt attempt = first;
        if (attempt != null) {
            attempt.fail(exception);
        }
        if (stopped) {
            return false;
        }
        System.err.println("tyrus reconnect handler: connect failed (" + exception + "), Tyrus retries in "
                + getDelay() + " s");
        return true;
    }
}
