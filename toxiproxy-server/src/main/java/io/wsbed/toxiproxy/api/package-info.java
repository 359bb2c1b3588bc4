/**
 * The HTTP API on the JDK's {@code com.sun.net.httpserver}: routing, Go-compatible JSON decoding,
 * and rendering with the reference's key order. Every error, also for unknown routes, carries the
 * JSON body {@code {"error":..,"status":..}}, because toxiproxy-java turns anything else into an
 * unchecked exception.
 */
package io.wsbed.toxiproxy.api;
