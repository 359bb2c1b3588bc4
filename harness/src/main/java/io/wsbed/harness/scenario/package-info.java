/**
 * Scenarios: arrange, one stimulus, observe, recover, observe. Each scenario is one small class
 * that drives a {@link io.wsbed.harness.scenario.CellContext} and turns the timeline into an
 * outcome through the metrics and verdict rules.
 */
package io.wsbed.harness.scenario;
