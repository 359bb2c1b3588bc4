/**
 * Child processes: started with output drained to files, killed with their whole tree, and
 * tracked so that one shutdown hook kills whatever a run leaves behind.
 */
package io.wsbed.harness.process;
