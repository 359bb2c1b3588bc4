/**
 * Record and replay: {@code wsbed record} writes a WebSocket session frame by frame into a
 * recording ({@code wsbed.recording/1}, docs/record-replay.md), as a client or as a proxy in front
 * of a real client; {@code wsbed replay} serves a recording, or what the server sent in one cell of
 * a results.json, to any client on loopback with its recorded timing and a fault at a chosen moment,
 * and prints what it did as the process contract's event lines.
 */
package io.wsbed.harness.replay;
