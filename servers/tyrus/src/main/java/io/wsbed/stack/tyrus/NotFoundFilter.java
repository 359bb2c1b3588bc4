package io.wsbed.stack.tyrus;

import java.io.IOException;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;

/**
 * The end of the server's filter chain: answers 404 and closes the connection for every HTTP
 * request that Tyrus's WebSocket filter passed on (no upgrade, or no endpoint at that path), so
 * that such a client is told instead of left waiting.
 *
 * <p>It answers at the first part of the request rather than after the body: Grizzly's codec never
 * ends the body of an upgrade request (after an upgrade the stream is the body), and closing the
 * connection afterwards spares reading a body nobody wants.
 */
final class NotFoundFilter extends BaseFilter {

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        HttpContent content = ctx.getMessage();
        HttpResponsePacket response = ((HttpRequestPacket) content.getHttpHeader()).getResponse();
        if (response.isCommitted()) {
            return ctx.getStopAction();
        }
        response.setStatus(HttpStatus.NOT_FOUND_404);
        response.setContentLength(0);
        response.setHeader(Header.Connection, "close");
        ctx.write(HttpContent.builder(response).last(true).build(), new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                ctx.getConnection().closeSilently();
            }

            @Override
            public void failed(Throwable error) {
                ctx.getConnection().closeSilently();
            }
        });
        return ctx.getStopAction();
    }
}
