package io.wsbed.harness.schedule;

/**
 * The session ids of one client-server connection, as each side names it.
 *
 * @param client the client process's session id ("c1")
 * @param server the server process's session id ("s1")
 */
public record Sessions(String client, String server) {
}
