/**
 * OkHttp's WebSocket client ({@code okhttp3.WebSocket}) behind the process contract.
 *
 * <p>OkHttp reports a session through a {@code WebSocketListener} with five callbacks, and this
 * package maps them onto the shared runtime as follows: {@code onOpen} is the open;
 * {@code onClosing} (the peer's Close frame arrived) is the close, with the peer's code and reason;
 * {@code onClosed} (both Close frames exchanged) repeats that code and is not reported again;
 * {@code onFailure} is an error and never a close, because OkHttp has no 1006: a peer that vanished
 * shows up as {@code EOFException} (FIN) or {@code SocketException} (RST), a missing pong as
 * {@code SocketTimeoutException}.
 */
package io.wsbed.stack.okhttp;
