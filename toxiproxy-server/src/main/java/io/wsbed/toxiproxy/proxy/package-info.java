/**
 * Proxies and their registry: binding and re-binding listeners, dialling the upstream for each
 * accepted client, and applying toxic changes to every live connection. Everything here is
 * independent of HTTP; failures carry the reference's message and status in a
 * {@link io.wsbed.toxiproxy.proxy.ToxiproxyException}.
 */
package io.wsbed.toxiproxy.proxy;
