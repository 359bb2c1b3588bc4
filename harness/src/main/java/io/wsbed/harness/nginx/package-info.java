/**
 * The real nginx binary as a WebSocket reverse proxy in front of a stack: finding the binary,
 * rendering the config out of the repository's {@code nginx/} templates, and running nginx in a
 * private prefix on a free loopback port (start, reload, graceful stop, kill).
 *
 * <p>nginx does not watch its stdin, so it runs under a small shell watchdog that kills nginx's
 * whole process group when the pipe from the JVM closes: a harness killed with SIGKILL or Ctrl-C
 * leaves no master or worker behind.
 */
package io.wsbed.harness.nginx;
