/**
 * The wsbed harness: runs stack processes, injects faults, records one timeline per cell, derives
 * metrics and verdicts and writes the reports. Nothing here depends on JUnit; the scenario suite
 * and the command line both drive it through {@link io.wsbed.harness.run.MatrixRun}.
 */
package io.wsbed.harness;
