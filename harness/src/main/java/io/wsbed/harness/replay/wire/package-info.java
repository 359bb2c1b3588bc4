/**
 * Just enough RFC 6455 for wsbed's own recorder, recording proxy and replay server: frames, the
 * HTTP upgrade and a connected socket. Written by hand rather than taken from a stack library,
 * because no stack library may share the harness's JVM (DESIGN.md section 1) and because the
 * faults a replay plays (a connection dropped without a Close frame, a reset, a server that stops
 * reading) need the bare socket.
 */
package io.wsbed.harness.replay.wire;
