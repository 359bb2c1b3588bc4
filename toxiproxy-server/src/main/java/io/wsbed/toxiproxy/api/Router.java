package io.wsbed.toxiproxy.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.wsbed.toxiproxy.proxy.ToxiproxyException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matches a request to a route as gorilla/mux does ({@code {name}} is one non-empty path segment),
 * then applies the reference's middleware (403 for browser user agents) before the handler.
 * Unknown paths get 404 and known paths with another method 405, both as JSON errors.
 */
final class Router implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    /** A handler for one method of one route; {@code params} are the {@code {name}} segments. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange, List<String> params) throws IOException;
    }

    /** A path pattern such as {@code /proxies/{}/toxics} and its handler per method. */
    record Route(List<String> pattern, Map<String, Handler> methods) {
    }

    private final List<Route> routes;
    private final AtomicLong requestIds = new AtomicLong();

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    static Route route(String pattern, Map<String, Handler> methods) {
        return new Route(List.of(pattern.substring(1).split("/")), methods);
    }

    @Override
    public void handle(HttpExchange http) {
        Exchange exchange = new Exchange(http, requestIds.incrementAndGet());
        try {
            dispatch(exchange, http.getRequestURI().getPath());
        } catch (ToxiproxyException e) {
            respondError(exchange, e.status(), e.getMessage());
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "client went away during " + http.getRequestURI(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "unexpected failure handling " + http.getRequestMethod() + " " + http.getRequestURI(), e);
            respondError(exchange, 500, e.toString());
        } finally {
            exchange.close();
        }
    }

    private void dispatch(Exchange exchange, String path) throws IOException {
        List<String> segments = path.startsWith("/") ? List.of(path.substring(1).split("/", -1)) : List.of();
        for (Route route : routes) {
            List<String> params = match(route.pattern(), segments);
            if (params == null) {
                continue;
            }
            Handler handler = route.methods().get(exchange.method());
            if (handler == null) {
                exchange.error(405, "method not allowed");
            } else if (exchange.userAgent().startsWith("Mozilla/")) {
                exchange.error(403, "User agent not allowed");
            } else {
                handler.handle(exchange, params);
            }
            return;
        }
        exchange.error(404, "404 page not found");
    }

    private static List<String> match(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            String want = pattern.get(i);
            String got = segments.get(i);
            if (want.equals("{}")) {
                if (got.isEmpty()) {
                    return null;
                }
                params.add(got);
            } else if (!want.equals(got)) {
                return null;
            }
        }
        return params;
    }

    private static void respondError(Exchange exchange, int status, String message) {
        if (exchange.responded()) {
            return;
        }
        try {
            exchange.error(status, message);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "could not send error " + status, e);
        }
    }
}
