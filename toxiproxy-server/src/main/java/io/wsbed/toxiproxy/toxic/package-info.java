/**
 * The toxic vocabulary: {@link io.wsbed.toxiproxy.toxic.ToxicType} (names, attributes, validation),
 * {@link io.wsbed.toxiproxy.toxic.ToxicSpec} (one configured toxic) and one stage class per type
 * that implements the reference semantics on a single link. Stages read their spec through a
 * supplier, so an update reaches every live connection at once.
 */
package io.wsbed.toxiproxy.toxic;
