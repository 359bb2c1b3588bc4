/**
 * Child processes: started with output drained to files, killed with their whole tree, and
 * tracked so that one shutdown hook kills whatever a run leaves behind; plus the small pieces the
 * proxies' processes share (a free loopback port, a zombie-aware process tree, a program on PATH).
 */
package io.wsbed.harness.process;
