/**
 * Tyrus 2.2 (the Jakarta WebSocket reference implementation) standalone on Grizzly behind the wsbed
 * process contract: a programmatic {@link jakarta.websocket.Endpoint} serves both roles, the server
 * runs on Tyrus's Grizzly add-on bound to the requested host, the client is Tyrus's
 * {@link org.glassfish.tyrus.client.ClientManager}.
 */
package io.wsbed.stack.tyrus;
