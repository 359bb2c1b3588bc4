/** The JDK's own WebSocket client ({@code java.net.http.WebSocket}) behind the process contract. */
package io.wsbed.stack.jdk;
