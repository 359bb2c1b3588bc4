/**
 * Comparing and combining runs: the committed baseline of verdicts (drift check and rewrite), the
 * merge of several results files into one report, and the diff of two runs.
 */
package io.wsbed.harness.baseline;
