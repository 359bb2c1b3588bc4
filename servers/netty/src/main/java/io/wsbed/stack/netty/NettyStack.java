package io.wsbed.stack.netty;

import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.util.Version;
import io.wsbed.stack.api.ClientEngine;
import io.wsbed.stack.api.ServerEngine;
import io.wsbed.stack.api.Stack;
import io.wsbed.stack.api.StackMain;
import java.util.Locale;

/** The Netty stack: codec-http websocketx in the server and the client role. */
public final class NettyStack implements Stack {
    /** The artifact whose version is reported: the one that holds the WebSocket code. */
    private static final String ARTIFACT = "netty-codec-http";

    public static void main(String[] args) {
        StackMain.run(args, new NettyStack());
    }

    @Override
    public String id() {
        return "netty";
    }

    @Override
    public String name() {
        return "Netty codec-http websocketx";
    }

    /** From the META-INF/io.netty.versions.properties that every Netty jar carries (io.netty.util.Version). */
    @Override
    public String version() {
        Version v = Version.identify(NettyStack.class.getClassLoader()).get(ARTIFACT);
        return v == null ? "unknown (no " + ARTIFACT + " in io.netty.versions.properties)" : v.artifactVersion();
    }

    @Override
    public String heartbeat() {
        return "Netty's IdleStateHandler: writer-idle after --heartbeat-ms sends a PingWebSocketFrame,"
                + " reader-idle after --heartbeat-timeout-ms reports a ReadTimeoutException and closes the channel"
                + " (Netty sends no pings of its own and has no pong deadline), in both roles";
    }

    @Override
    public String sendApi() {
        return "channel.writeAndFlush(TextWebSocketFrame) + ChannelFutureListener (failed when the future fails)";
    }

    /**
     * Read from the protocol configs' own builders: websocketx has no idle option (only a handshake
     * timeout) and no ping option; without a WebSocketFrameAggregator only a frame size is bounded.
     */
    @Override
    public String defaults() {
        WebSocketServerProtocolConfig server = WebSocketServerProtocolConfig.newBuilder().build();
        WebSocketClientProtocolConfig client = WebSocketClientProtocolConfig.newBuilder().build();
        return String.format(Locale.ROOT,
                "idle timeout none (no idle option in websocketx; handshake timeout %d ms server, %d ms client);"
                        + " max frame payload %d B server, %d B client, message unbounded (no aggregator);"
                        + " no automatic ping (received pings answered; pongs dropped: %b server, %b client)",
                server.handshakeTimeoutMillis(), client.handshakeTimeoutMillis(),
                server.decoderConfig().maxFramePayloadLength(), client.maxFramePayloadLength(),
                server.dropPongFrames(), client.dropPongFrames());
    }

    @Override
    public ServerEngine newServer() {
        return new NettyServerEngine();
    }

    @Override
    public ClientEngine newClient() {
        return new NettyClientEngine();
    }
}
