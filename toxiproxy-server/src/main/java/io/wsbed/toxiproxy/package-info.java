/**
 * wsbed's embedded, API-compatible Toxiproxy server: {@link io.wsbed.toxiproxy.ToxiproxyServer} for
 * in-process use and {@link io.wsbed.toxiproxy.ToxiproxyServerMain} as a process (and later a
 * container entry point). The behaviour follows shared/reference/toxiproxy-api.md; deviations are
 * listed in the module README.
 */
package io.wsbed.toxiproxy;
