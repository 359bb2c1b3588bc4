package io.wsbed.stack.jetty;

import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * A {@link ClientConnector} that never builds a TLS context, for a client that dials ws:// only
 * (a wss:// URL gets Jetty's own connector with --ca-file's context instead).
 *
 * <p>Jetty's ClientConnector creates and starts an {@code SslContextFactory.Client} when it starts,
 * whether or not a secure destination is ever used: that loads the JDK's security providers and
 * trust store and initialises an SSLContext, which was about a third of this client's time from
 * launch to "ready" here. Plain connections do not touch the factory, so a null one changes nothing
 * else; a wss:// URL would fail at connect time instead of working.
 */
final class PlainClientConnector extends ClientConnector {

    /** One selector, as {@code new HttpClient()} configures its default connector. */
    PlainClientConnector() {
        setSelectors(1);
    }

    @Override
    protected SslContextFactory.Client newSslContextFactory() {
        return null;
    }
}
