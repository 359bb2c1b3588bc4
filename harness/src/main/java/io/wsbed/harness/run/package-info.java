/**
 * Running the matrix: settings, the plan of cells from the selection, running one cell, and the
 * run that collects results and writes the report. Used by the JUnit suite and the CLI alike.
 */
package io.wsbed.harness.run;
