/**
 * Spring Boot 4 with a spring-websocket {@link org.springframework.web.socket.WebSocketHandler}
 * behind the wsbed process contract, server role only: a Boot application (SpringApplication, auto
 * configuration, embedded Tomcat) that registers one {@link
 * org.springframework.web.socket.handler.TextWebSocketHandler} through a {@link
 * org.springframework.web.socket.config.annotation.WebSocketConfigurer}, and sends through Spring's
 * {@link org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator}.
 */
package io.wsbed.stack.spring;
