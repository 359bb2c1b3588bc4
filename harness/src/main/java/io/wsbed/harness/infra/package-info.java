/**
 * The infrastructure between client and server (nginx, Toxiproxy) behind one seam: local
 * processes today, containers later. Stacks always run as host processes.
 */
package io.wsbed.harness.infra;
