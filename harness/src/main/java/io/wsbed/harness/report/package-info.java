/**
 * Report writers (results.json, summary.md, index.html, JUnit XML) that turn the result model into
 * text, the one class that owns the files of a run's report folder, and the rules that compare
 * stacks for the reader: {@link io.wsbed.harness.report.Findings} (where stacks in a row disagree),
 * {@link io.wsbed.harness.report.Differences} (the compare view) and the stack cards. The page
 * renders what these rules derived and derives nothing itself.
 */
package io.wsbed.harness.report;
