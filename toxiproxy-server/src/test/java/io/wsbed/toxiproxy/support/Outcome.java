package io.wsbed.toxiproxy.support;

/** What a bounded read on a socket observed. */
public enum Outcome {
    /** Bytes arrived. */
    DATA,
    /** An orderly end of stream (FIN). */
    EOF,
    /** "Connection reset": the peer sent RST. */
    RESET,
    /** Nothing arrived within the wait: the connection is open and quiet. */
    SILENT
}
