package io.wsbed.stack.tomcat;

import io.wsbed.stack.api.Connection;
import io.wsbed.stack.api.SendResult;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Queue;
import org.apache.tomcat.websocket.WsSession;

/**
 * Adapts one Tomcat {@link Session} to the runtime's {@link Connection}; one instance per session.
 *
 * <p>Tomcat allows one message in flight per session: a second {@code getAsyncRemote().sendText}
 * before the first one's {@code SendHandler} ran throws IllegalStateException ("remote endpoint was
 * in state [TEXT_FULL_WRITING]", {@code WsRemoteEndpointImplBase.StateMachine}). The server's ticks
 * and echoes come from different threads, so, as an application on Tomcat must, this connection
 * queues a text send while another one is in flight and starts it from the previous one's handler.
 *
 * <p>Tomcat can also drop a SendHandler: a message that waits behind the Close frame of an abnormal
 * close is discarded without its handler ever running ({@code WsRemoteEndpointImplBase.endMessage}
 * skips queued parts once closed). Such a send shows as never answered; the queue then holds later
 * sends of that session, which by then is closed, so they throw in {@code getAsyncRemote()} first.
 */
final class SessionConnection implements Connection {
    private final Session session;
    private final Queue<Pending> queued = new ArrayDeque<>();
    private boolean inFlight;

    private record Pending(String text, SendResult result) {
    }

    SessionConnection(Session session) {
        this.session = session;
    }

    /**
     * Sends with {@code getAsyncRemote().sendText(text, SendHandler)}: the handler reports ok, or
     * failed with the SendResult's exception. {@code getAsyncRemote()} is always called on the
     * caller's thread, and nothing here catches: on a closed session it throws
     * IllegalStateException, which must reach the runtime as outcome "threw", queue or no queue. A
     * queued send that Tomcat refuses when its turn comes is reported as failed, because the
     * application's own call returned long before.
     */
    @Override
    public void sendText(String text, SendResult result) {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        synchronized (queued) {
            if (inFlight) {
                queued.add(new Pending(text, result));
                return;
            }
            inFlight = true;
        }
        try {
            start(remote, text, result);
        } catch (RuntimeException e) {
            next();
            throw e;
        }
    }

    private void start(RemoteEndpoint.Async remote, String text, SendResult result) {
        remote.sendText(text, sent -> {
            if (sent.isOK()) {
                result.ok();
            } else {
                result.failed(sent.getException());
            }
            next();
        });
    }

    /** The message in flight is done: starts the next queued one, if any. */
    private void next() {
        while (true) {
            Pending p;
            synchronized (queued) {
                p = queued.poll();
                if (p == null) {
                    inFlight = false;
                    return;
                }
            }
            try {
                start(session.getAsyncRemote(), p.text(), p.result());
                return;
            } catch (RuntimeException e) {
                p.result().failed(e);
            }
        }
    }

    /** Tomcat writes a ping as a blocking control frame, even through the async remote. */
    @Override
    public void sendPing(ByteBuffer payload) throws IOException {
        session.getAsyncRemote().sendPing(payload);
    }

    /**
     * Starts the closing handshake with {@code Session.close}: Tomcat writes its Close frame,
     * reports the close to the endpoint at once and closes the socket when the peer's Close frame
     * arrives (or after its session close timeout).
     */
    @Override
    public void close(int code, String reason) throws IOException {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    }

    /**
     * Tomcat's own abnormal close ({@code WsSession.doClose} with closeSocket, the path its frame
     * reader takes on an I/O error): it tries a Close frame for at most its abnormal-close send
     * timeout (50 ms by default), then closes the socket without waiting for an answer.
     */
    @Override
    public void abort() {
        CloseReason gone = new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "peer silent (heartbeat)");
        ((WsSession) session).doClose(gone, gone, true);
    }
}
