/**
 * How a cell is driven: its {@link io.wsbed.harness.schedule.Setup}, one sealed vocabulary of
 * {@link io.wsbed.harness.schedule.Step}s (faults, recoveries and bounded waits, one small class
 * each), and the {@link io.wsbed.harness.schedule.ScheduleRunner}. Steps mark what they do on the
 * timeline and judge nothing.
 */
package io.wsbed.harness.schedule;
