/** The events of one cell, from every process and from the harness, on one clock. */
package io.wsbed.harness.timeline;
