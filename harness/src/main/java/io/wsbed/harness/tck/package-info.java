/**
 * The stack conformance kit: checks that a stack process speaks the contract (docs/contract.md)
 * by launching it, in each of its roles, against its protocol family's reference peer. Run by
 * {@code wsbed tck <stack-id>} and, over every discovered stack, in {@code mvn verify}.
 */
package io.wsbed.harness.tck;
