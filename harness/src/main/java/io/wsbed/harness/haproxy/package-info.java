/**
 * HAProxy as a load balancer in front of two instances of a server stack (lb-failover): finding
 * the binary ({@link io.wsbed.harness.haproxy.HaproxyBinary}), rendering the repository's
 * {@code haproxy/lb-failover.cfg.template} ({@link io.wsbed.harness.haproxy.HaproxyConfig}) with
 * the run's scaled timeouts ({@link io.wsbed.harness.haproxy.HaproxySettings}), and one local
 * process in the foreground under the shared watchdog ({@link io.wsbed.harness.haproxy.HaproxyFront}).
 * It runs on this machine in both infrastructure modes.
 */
package io.wsbed.harness.haproxy;
