package io.wsbed.stack.spring;

import java.util.Locale;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/** What Spring Boot, Spring and the Tomcat under them say about versions and defaults, at run time. */
final class LibraryFacts {
    private LibraryFacts() {
    }

    /** Boot's version, with the Spring Framework and Tomcat it runs on, each from its jar's manifest. */
    static String version() {
        String boot = SpringBootVersion.getVersion();
        if (boot == null) {
            throw new IllegalStateException("spring-boot jar has no Implementation-Version; cannot tell Boot's version");
        }
        return boot + " (Spring " + SpringVersion.getVersion() + ", Tomcat "
                + WsWebSocketContainer.class.getPackage().getImplementationVersion() + ")";
    }

    /**
     * Spring's own WebSocket settings bean ({@link ServletServerContainerFactoryBean}) leaves every
     * value unset (null) unless the application sets it, so the container's defaults apply; those
     * are read from a fresh Tomcat {@link WsWebSocketContainer}, which starts no thread.
     */
    static String defaults() {
        ServletServerContainerFactoryBean spring = new ServletServerContainerFactoryBean();
        WsWebSocketContainer tomcat = new WsWebSocketContainer();
        long idle = tomcat.getDefaultMaxSessionIdleTimeout();
        return String.format(Locale.ROOT,
                "Spring sets nothing (ServletServerContainerFactoryBean idle timeout %s, text buffer %s),"
                        + " so Tomcat's apply: idle timeout %s; max text message %d B; idle checked every %d s;"
                        + " no automatic ping",
                spring.getMaxSessionIdleTimeout(), spring.getMaxTextMessageBufferSize(),
                idle <= 0 ? "none (" + idle + ")" : idle + " ms",
                tomcat.getDefaultMaxTextMessageBufferSize(), tomcat.getProcessPeriod());
    }
}
