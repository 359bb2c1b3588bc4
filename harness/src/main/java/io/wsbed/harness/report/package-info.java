/**
 * Report writers (results.json, summary.md) that turn the result model into text, and the one
 * class that owns the files of a run's report folder.
 */
package io.wsbed.harness.report;
