/**
 * Apache Tomcat 11's Jakarta WebSocket implementation behind the wsbed process contract: the server
 * is an embedded {@link org.apache.catalina.startup.Tomcat} whose context runs Tomcat's own
 * {@link org.apache.tomcat.websocket.server.WsSci}, the client is Tomcat's
 * {@link org.apache.tomcat.websocket.WsWebSocketContainer}; one programmatic
 * {@link jakarta.websocket.Endpoint} serves both roles.
 */
package io.wsbed.stack.tomcat;
