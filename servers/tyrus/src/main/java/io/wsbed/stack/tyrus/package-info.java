/**
 * Tyrus 2.2 (the Jakarta WebSocket reference implementation) standalone on Grizzly behind the wsbed
 * process contract: a programmatic {@link jakarta.websocket.Endpoint} serves both roles, the server
 * runs Tyrus's Grizzly WebSocket filter on a transport bound to the requested host, the client is
 * Tyrus's {@link org.glassfish.tyrus.client.ClientManager} on its Grizzly client container.
 */
package io.wsbed.stack.tyrus;
