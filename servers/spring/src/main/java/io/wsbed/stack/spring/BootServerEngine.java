package io.wsbed.stack.spring;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server role: runs {@link WsbedApplication} with {@link SpringApplication} on the contract's
 * host and port, and reads back the port embedded Tomcat bound.
 *
 * <p>stdout is the event stream, so nothing of Boot's may reach it: the banner is off, and the
 * module leaves Logback out, so Boot logs through java.util.logging to stderr.
 */
final class BootServerEngine implements ServerEngine {
    private ConfigurableApplicationContext context;

    @Override
    public int start(ServerOptions options, ConnectionListener listener) {
        SpringApplication app = new SpringApplication(WsbedApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setRegisterShutdownHook(false);
        app.setDefaultProperties(Map.of(
                "server.address", options.host(),
                "server.port", Integer.toString(options.port()),
                "logging.level.root", "WARN"));
        app.addInitializers(ctx -> {
            ctx.getBeanFactory().registerSingleton("wsbedServerOptions", options);
            ctx.getBeanFactory().registerSingleton("wsbedConnectionListener", listener);
        });
        // An empty argument list: the contract's options are not Boot's --name=value arguments.
        ConfigurableApplicationContext ctx = app.run();
        context = ctx;
        if (!(ctx instanceof WebServerApplicationContext web)) {
            throw new IllegalStateException("Boot started a " + ctx.getClass().getName() + ", not a web server context");
        }
        int port = web.getWebServer().getPort();
        if (port <= 0) {
            throw new IllegalStateException("Boot's embedded Tomcat reported no bound port (got " + port + ")");
        }
        return port;
    }

    @Override
    public void close() {
        ConfigurableApplicationContext ctx = context;
        context = null;
        if (ctx != null) {
            ctx.close();
        }
    }
}
