/**
 * The infrastructure between client and server (nginx, Toxiproxy) behind one seam with two sides:
 * local processes ({@link io.wsbed.harness.infra.LocalInfrastructure}) and containers through
 * Testcontainers ({@link io.wsbed.harness.infra.ContainerInfrastructure}), chosen by
 * {@code wsbed.infra} in {@link io.wsbed.harness.infra.Infrastructures}. Stacks always run as host
 * processes; containers use the host's network, so every socket stays on 127.0.0.1 either way.
 * docker/README.md explains both modes and the local image build.
 */
package io.wsbed.harness.infra;
