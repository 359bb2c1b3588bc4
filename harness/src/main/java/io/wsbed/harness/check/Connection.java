package io.wsbed.harness.check;

/**
 * The cell's connection at the stimulus: the client and server processes the {@code stage} mark
 * names, and the session each had open at the first {@code fault}.
 */
record Connection(long t0, String client, String clientSession, String server, String serverSession) {

    static Connection atStimulus(History h) {
        long t0 = h.t0();
        String client = h.staged("client");
        String server = h.staged("server");
        return new Connection(t0, client, h.sessionAt(client, t0), server, h.sessionAt(server, t0));
    }

    /** What the client was told about its session, from the stimulus on, in the observed events. */
    SideReport clientSide(History h) {
        return clientSide(h, t0);
    }

    /** What the server was told about its session, from the stimulus on, in the observed events. */
    SideReport serverSide(History h) {
        return serverSide(h, t0);
    }

    /** What the client was told, and what reached its socket, with the figures counted from {@code fromMicros}. */
    SideReport clientSide(History h, long fromMicros) {
        return SideReport.of(h, "client", client, clientSession, fromMicros);
    }

    /** What the server was told, and what reached its socket, with the figures counted from {@code fromMicros}. */
    SideReport serverSide(History h, long fromMicros) {
        return SideReport.of(h, "server", server, serverSession, fromMicros);
    }

    /** Messages reported sent ok after the stimulus that never arrived, both ways ({@link Delivery}). */
    long lostSinceStimulus(History h) {
        return Delivery.lost(h, server, serverSession, client, clientSession, t0)
                + Delivery.lost(h, client, clientSession, server, serverSession, t0);
    }
}
