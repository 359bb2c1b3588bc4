package io.wsbed.stack.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.ssl.SslHandler;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ClientOptions;
import io.wsbed.stack.api.ClientTls;
import io.wsbed.stack.api.ConnectionListener;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The client role: a {@link Bootstrap} with {@code HttpClientCodec}, {@code HttpObjectAggregator},
 * {@code WebSocketClientProtocolHandler} and {@link FrameEvents}, one channel per attempt.
 */
final class NettyClientEngine implements ClientEngine {
    /** Largest handshake response; the aggregator only ever sees the 101. */
    private static final int MAX_HANDSHAKE_BYTES = 8_192;

    private EventLoopGroup group;
    private ClientOptions options;

    @Override
    public synchronized void start(ClientOptions options) {
        this.options = options;
        group = EventLoops.start();
    }

    /**
     * One attempt: TCP connect bounded by CONNECT_TIMEOUT_MILLIS, the upgrade by the protocol
     * handler's handshake timeout, both set to {@code --connect-timeout-ms}. The returned future
     * completes when {@link FrameEvents} saw HANDSHAKE_COMPLETE (onOpen already reported).
     */
    @Override
    public CompletableFuture<?> connect(URI uri, ConnectionListener listener) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .handshakeTimeoutMillis(options.connectTimeoutMs())
                .handleCloseFrames(false)
                .dropPongFrames(false)
                .build();
        FrameEvents events = new FrameEvents(listener,
                new Timeouts(options.heartbeatMs(), options.heartbeatTimeoutMs(), options.idleTimeoutMs()));
        ChannelFuture connecting = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, options.connectTimeoutMs()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (options.tls()) {
                            ch.pipeline().addLast(new SslHandler(tlsEngine(uri)));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_HANDSHAKE_BYTES),
                                new WebSocketClientProtocolHandler(config), events);
                    }
                })
                .connect(uri.getHost(), uri.getPort());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                events.opened().completeExceptionally(f.cause());
            }
        });
        return events.opened();
    }

    /** A client-mode engine from --ca-file's context that checks the host name, as a browser would. */
    private SSLEngine tlsEngine(URI uri) {
        SSLEngine engine = ClientTls.context(options).createSSLEngine(uri.getHost(), uri.getPort());
        engine.setUseClientMode(true);
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(params);
        return engine;
    }

    /** The IdleStateHandler pings and declares the peer dead (see {@link NettyStack#heartbeat()}). */
    @Override
    public boolean hasBuiltinHeartbeat() {
        return true;
    }

    @Override
    public synchronized void close() {
        EventLoops.stop(group);
        group = null;
    }
}
