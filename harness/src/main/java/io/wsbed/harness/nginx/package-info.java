/**
 * The real nginx binary as a WebSocket reverse proxy in front of a stack: finding the binary,
 * rendering the config out of the repository's {@code nginx/} templates, and one lifecycle
 * ({@link io.wsbed.harness.nginx.NginxLifecycle}: free loopback port with retry, readiness,
 * reload confirmed by new workers, logs kept) for every way of running it. An
 * {@link io.wsbed.harness.nginx.NginxRuntime} only starts and signals nginx: as a local process
 * ({@link io.wsbed.harness.nginx.NginxProcess}, in a private prefix) or in a container
 * ({@code io.wsbed.harness.infra.NginxContainer}).
 *
 * <p>nginx does not watch its stdin, so a local nginx runs under the shared
 * {@link io.wsbed.harness.process.Watchdog}, which kills nginx's whole process group when the pipe
 * from the JVM closes: a harness killed with SIGKILL or Ctrl-C leaves no master or worker behind.
 */
package io.wsbed.harness.nginx;
