/**
 * The wire lane: each cell's packets on the loopback interface, captured by tcpdump
 * ({@link io.wsbed.harness.wire.WireCapture}, switched by {@link io.wsbed.harness.wire.CaptureMode}),
 * read back ({@link io.wsbed.harness.wire.PcapReader}, {@link io.wsbed.harness.wire.TcpSegment})
 * and turned into timeline events of source {@code wire} ({@link io.wsbed.harness.wire.WireLane}):
 * what the network carried, on the same clock as what each application was told.
 */
package io.wsbed.harness.wire;
