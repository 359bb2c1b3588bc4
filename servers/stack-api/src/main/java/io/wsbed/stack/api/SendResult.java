package io.wsbed.stack.api;

/**
 * How a stack's send API told the application what became of one message. The adapter calls
 * exactly one method, from any thread; later calls are ignored.
 */
public interface SendResult {

    /** The API reported success (callback succeeded, future completed, blocking call returned). */
    void ok();

    /** The API reported failure through a callback or a future. */
    void failed(Throwable error);

    /** The API returned false (it refused the message without an exception). */
    void returnedFalse();

    /** The API gives the application no signal at all for this send. */
    void silent();
}
