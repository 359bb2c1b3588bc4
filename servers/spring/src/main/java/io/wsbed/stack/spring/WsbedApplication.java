package io.wsbed.stack.spring;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerOptions;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The Boot application: auto-configuration (embedded Tomcat, Spring MVC, Boot's WebSocket support)
 * and one handler at the contract's path. The options and the listener come in as singletons that
 * {@link BootServerEngine} registers before the context refreshes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableWebSocket
public class WsbedApplication implements WebSocketConfigurer {
    private final ServerOptions options;
    private final ConnectionListener listener;

    public WsbedApplication(ServerOptions options, ConnectionListener listener) {
        this.options = options;
        this.listener = listener;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Any origin: the harness's clients send none or their own.
        registry.addHandler(new ListeningHandler(listener), options.path()).setAllowedOrigins("*");
    }

    /**
     * Spring's way to set the container's WebSocket limits. With {@code --idle-timeout-ms -1} it
     * sets nothing, so Tomcat's defaults stay as shipped.
     */
    @Bean
    public ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        if (options.idleTimeoutMs() != -1) {
            container.setMaxSessionIdleTimeout(options.idleTimeoutMs());
        }
        return container;
    }
}
