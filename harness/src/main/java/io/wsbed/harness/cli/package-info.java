/**
 * The command line (picocli): runs the comparison without JUnit (and checks the baseline), merges
 * the results of several runs into one report, and diffs two runs. One class per command, all
 * registered in {@link io.wsbed.harness.cli.WsbedCli}; exit codes in {@link io.wsbed.harness.cli.ExitCode}.
 */
package io.wsbed.harness.cli;
