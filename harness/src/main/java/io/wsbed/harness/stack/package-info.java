/**
 * Stacks as the harness sees them: discovered from the descriptors their modules write at build
 * time, described by their own {@code info} answer, launched as processes that speak the contract.
 */
package io.wsbed.harness.stack;
