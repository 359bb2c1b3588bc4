/** Figures derived from a cell's timeline: detection, reconnect, silent loss. Pure functions. */
package io.wsbed.harness.metrics;
