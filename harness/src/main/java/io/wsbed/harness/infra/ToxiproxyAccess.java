package io.wsbed.harness.infra;

import eu.rekawek.toxiproxy.ToxiproxyClient;

/**
 * The Toxiproxy server a run drives through the official client: the embedded one, an external
 * toxiproxy-server (wsbed.toxiproxy.url), or a container.
 *
 * @param client the toxiproxy-java client bound to that server
 * @param listenHost the address proxies listen on, as the server sees it
 * @param upstreamHost the address of the host's stack processes, as the server sees it
 * @param description for the report's run header
 */
public record ToxiproxyAccess(ToxiproxyClient client, String listenHost, String upstreamHost, String description) {
}
