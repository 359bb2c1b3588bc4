/**
 * Test fixtures for the embedded server: scripted loopback upstreams, client-side peers that tell
 * data, EOF, reset and silence apart within a bounded wait, and a raw HTTP helper for what
 * toxiproxy-java cannot express.
 */
package io.wsbed.toxiproxy.support;
