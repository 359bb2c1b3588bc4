/** The command line: runs the comparison without JUnit and prints where the report is. */
package io.wsbed.harness.cli;
