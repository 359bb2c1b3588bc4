package io.wsbed.stack.tomcat;

import io.wsbed.stack.api.ConnectionListener;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.ServerOptions;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * The server role: an embedded {@link Tomcat} with one NIO connector on {@code options.host()} and
 * one root context. The context runs Tomcat's own {@link WsSci} (which creates the context's
 * {@link ServerContainer} and its upgrade filter, as in a deployed web application), then
 * {@link EndpointInstaller}, which adds the programmatic endpoint at {@code options.path()}.
 */
final class EmbeddedServerEngine implements ServerEngine {
    private Tomcat tomcat;
    private Path baseDir;

    @Override
    public int start(ServerOptions options, ConnectionListener listener) throws Exception {
        baseDir = Files.createTempDirectory("wsbed-tomcat");
        Tomcat t = new Tomcat();
        t.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(options.port());
        if (!connector.setProperty("address", options.host())) {
            throw new IllegalStateException("Tomcat's connector refused the address property " + options.host());
        }
        t.setConnector(connector);
        Context context = t.addContext("", baseDir.toString());
        // Tomcat runs a context's filters (WsSci's upgrade filter among them) only for a request
        // that maps to a servlet; the default servlet, serving the empty base directory, answers
        // every other request with 404.
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer(new EndpointInstaller(options, listener), null);
        tomcat = t;
        t.start();
        // Tomcat swallows a failed context start (it logs and marks the context FAILED), so the
        // endpoint's deployment is checked here rather than assumed.
        if (!context.getState().isAvailable()) {
            throw new IllegalStateException("Tomcat's context did not start (state " + context.getState()
                    + "); see the log lines above on stderr");
        }
        int port = connector.getLocalPort();
        if (port <= 0) {
            throw new IllegalStateException("Tomcat's connector reported no bound port after start (got " + port
                    + ", state " + connector.getState() + ")");
        }
        return port;
    }

    @Override
    public void close() throws Exception {
        Tomcat t = tomcat;
        tomcat = null;
        if (t != null) {
            t.stop();
            t.destroy();
        }
        Path dir = baseDir;
        baseDir = null;
        if (dir != null) {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Adds the endpoint to the container that {@link WsSci} put into the servlet context. */
    private static final class EndpointInstaller implements ServletContainerInitializer {
        private final ServerOptions options;
        private final ConnectionListener listener;

        EndpointInstaller(ServerOptions options, ConnectionListener listener) {
            this.options = options;
            this.listener = listener;
        }

        @Override
        public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
            ServerContainer container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
            if (container == null) {
                throw new ServletException("no " + ServerContainer.class.getName()
                        + " in the servlet context: Tomcat's WsSci did not run first");
            }
            if (options.idleTimeoutMs() != -1) {
                // The container default, which every WsSession copies when it opens (Tomcat's own
                // default is 0, no idle timeout); -1 leaves it as shipped.
                container.setDefaultMaxSessionIdleTimeout(options.idleTimeoutMs());
            }
            ListeningEndpoint endpoint = new ListeningEndpoint(listener);
            try {
                container.addEndpoint(ServerEndpointConfig.Builder.create(ListeningEndpoint.class, options.path())
                        .configurator(new SingletonConfigurator(endpoint))
                        .build());
            } catch (DeploymentException e) {
                throw new ServletException("could not add the endpoint at " + options.path(), e);
            }
        }
    }

    /** Hands Tomcat the one endpoint instance instead of letting it instantiate the class. */
    private static final class SingletonConfigurator extends ServerEndpointConfig.Configurator {
        private final ListeningEndpoint endpoint;

        SingletonConfigurator(ListeningEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return endpointClass.cast(endpoint);
        }
    }
}
