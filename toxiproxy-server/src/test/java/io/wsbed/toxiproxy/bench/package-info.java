/**
 * A benchmark (a main class, not a test) that compares a direct loopback connection with the same
 * connection through the embedded proxy without toxics: added round-trip latency and throughput.
 * See toxiproxy-server/BENCHMARK.md for the command and the figures.
 */
package io.wsbed.toxiproxy.bench;
