/** Verdicts and the rules that derive them, each with a one-sentence reason. */
package io.wsbed.harness.verdict;
