package io.wsbed.toxiproxy.link;

/**
 * A slice of bytes read from a socket, stamped with the {@link System#nanoTime()} at which it was
 * read (latency toxics release a chunk relative to this stamp, so delays do not add up).
 *
 * <p>The bytes belong to the reader's buffer and are only valid during the
 * {@link Stage#accept(Chunk)} call that receives them: a stage that keeps a chunk longer must
 * {@link #copy()} it. This keeps the no-toxic path free of allocation.
 */
public record Chunk(byte[] data, int offset, int length, long timestampNanos) {

    /** The sub-range {@code [from, from + count)} of this chunk, with the same stamp. */
    public Chunk slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > length) {
            throw new IndexOutOfBoundsException("slice " + from + "+" + count + " of " + length);
        }
        return new Chunk(data, offset + from, count, timestampNanos);
    }

    /** The bytes from {@code from} to the end. */
    public Chunk from(int from) {
        return slice(from, length - from);
    }

    /** The same bytes with another stamp (a latency stage moves the stamp by the delay it applied). */
    public Chunk withTimestamp(long nanos) {
        return new Chunk(data, offset, length, nanos);
    }

    /** A chunk that owns a copy of the bytes, for stages that queue data. */
    public Chunk copy() {
        byte[] owned = new byte[length];
        System.arraycopy(data, offset, owned, 0, length);
        return new Chunk(owned, 0, length, timestampNanos);
    }
}
