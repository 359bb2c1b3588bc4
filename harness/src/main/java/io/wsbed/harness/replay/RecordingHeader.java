package io.wsbed.harness.replay;

/**
 * The first line of a recording.
 *
 * @param mode "client" (wsbed record connected itself), "proxy" (a real client through wsbed
 *     record) or "cell" (built from a results.json cell, never written to a file)
 * @param url what was recorded: the server's URL, or the cell
 * @param tMicros the start of the session (at_us 0) in epoch microseconds
 * @param subprotocol the subprotocol the server chose, or null
 */
public record RecordingHeader(String mode, String url, long tMicros, String subprotocol) {
}
