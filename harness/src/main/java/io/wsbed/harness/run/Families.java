package io.wsbed.harness.run;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.stack.StackDescriptor;
import io.wsbed.harness.stack.StackInfo;
import java.util.Map;
import java.util.Optional;

/**
 * The reference peers of each protocol family. The WebSocket family's are the settings'
 * ({@code wsbed.reference.server}, {@code wsbed.reference.client}); another family's (socket.io)
 * are its first stack by id with the role. A reference of the wrong family is a one-line error.
 */
final class Families {
    private final Settings settings;
    private final Map<String, StackInfo> infos;

    private Families(Settings settings, Map<String, StackInfo> infos) {
        this.settings = settings;
        this.infos = infos;
    }

    static Families of(Settings s, Map<String, StackInfo> infos) {
        requireFamily(s.referenceServer(), "wsbed.reference.server", infos);
        requireFamily(s.referenceClient(), "wsbed.reference.client", infos);
        return new Families(s, infos);
    }

    /** The client every server stack of this one's family runs against. */
    String referenceClient(String server) {
        return reference(infos.get(server).protocol(), false, server);
    }

    /** The server every client stack of this one's family runs against. */
    String referenceServer(String client) {
        return reference(infos.get(client).protocol(), true, client);
    }

    private String reference(String protocol, boolean server, String forStack) {
        if (protocol.equals(StackDescriptor.WEBSOCKET)) {
            return server ? settings.referenceServer() : settings.referenceClient();
        }
        Optional<String> first = infos.values().stream().filter(i -> i.protocol().equals(protocol))
                .filter(i -> server ? i.hasServer() : i.hasClient()).map(StackInfo::id).sorted().findFirst();
        return first.orElseThrow(() -> HarnessException.configuration("stack '" + forStack + "' speaks " + protocol
                + " and no " + protocol + " " + (server ? "server" : "client") + " stack is there to pair it with;"
                + " add one or leave '" + forStack + "' out of the selection"));
    }

    private static void requireFamily(String id, String key, Map<String, StackInfo> infos) {
        StackInfo info = infos.get(id);
        if (info != null && !info.protocol().equals(StackDescriptor.WEBSOCKET)) {
            throw HarnessException.configuration(key + " '" + id + "' speaks " + info.protocol()
                    + ", but the reference peers of plain WebSocket stacks must speak websocket; choose a websocket stack");
        }
    }
}
