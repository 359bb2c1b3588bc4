/**
 * Scenarios: each is a schedule (a {@link io.wsbed.harness.schedule.Setup} and steps from the
 * fault vocabulary of {@code io.wsbed.harness.schedule}) plus a {@link io.wsbed.harness.check.Checker}
 * that judges the recorded timeline. {@link io.wsbed.harness.scenario.Scenarios} lists them by id.
 */
package io.wsbed.harness.scenario;
