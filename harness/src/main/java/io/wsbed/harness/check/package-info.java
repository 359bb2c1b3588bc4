/**
 * Checkers: pure functions from a cell's stored timeline ({@link io.wsbed.harness.check.History})
 * to figures, observations and a verdict with its reason. The live run and {@code wsbed recheck}
 * reach them through {@link io.wsbed.harness.check.CellCheck}; tests drive them with hand-made
 * histories under {@code src/test/resources/io/wsbed/harness/check/}.
 */
package io.wsbed.harness.check;
