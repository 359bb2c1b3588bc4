/**
 * The data path of a proxy: a {@link io.wsbed.toxiproxy.link.Connection} pairs an accepted client
 * socket with its upstream socket and runs two directional {@link io.wsbed.toxiproxy.link.Link}s,
 * each a reader, an ordered chain of {@link io.wsbed.toxiproxy.link.ToxicStage}s and a socket sink.
 *
 * <p>Threading model: a link's reader thread runs every synchronous stage itself, so a link with no
 * toxics costs one thread and no hand-off between read and write (the fast path). Only a stage that
 * buffers (latency) owns a thread; the stages after it then run on that thread. A blocked stage
 * therefore blocks its reader, which is the TCP backpressure the reference gets from unbuffered
 * channels. Chain changes (add, update, remove) never wait for data to move: they interrupt stages
 * and re-wire pointers, so the HTTP API never hangs on a stalled peer.
 */
package io.wsbed.toxiproxy.link;
