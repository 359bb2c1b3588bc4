/**
 * The command line: runs the comparison without JUnit (and checks the baseline), merges the
 * results of several runs into one report, and diffs two runs.
 */
package io.wsbed.harness.cli;
