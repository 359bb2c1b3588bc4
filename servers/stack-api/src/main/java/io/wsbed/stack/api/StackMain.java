package io.wsbed.stack.api;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Entry point shared by every Java stack: {@code <launcher> server|client|info [options]}.
 * A stack's main method is one line: {@code StackMain.run(args, new MyStack())}.
 *
 * <p>Exit codes: 0 clean, 2 bad options (message on stderr), 3 could not start.
 */
public final class StackMain {
    private StackMain() {
    }

    public static void run(String[] args, Stack stack) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                System.err.println("uncaught in " + t.getName() + ": " + SessionTable.describe(e)));
        EventOut events = EventOut.onStdout();
        if (args.length == 0) {
            usage("missing role");
            return;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        ScheduledExecutorService timers = StackProcess.timers();
        StackProcess.Role role;
        try {
            switch (args[0]) {
                case "server" -> role = new ServerRuntime(stack, ServerOptions.parse(options), events, timers);
                case "client" -> role = new ClientRuntime(stack, ClientOptions.parse(options), events, timers);
                case "info" -> {
                    info(stack, events);
                    StackProcess.exit(0);
                    return;
                }
                default -> {
                    usage("unknown role '" + args[0] + "'");
                    return;
                }
            }
        } catch (UsageException e) {
            usage(e.getMessage());
            return;
        }
        StackProcess process = new StackProcess(role, events);
        // Read stdin from the start: a harness that dies while the library is still starting (or
        // hangs in start) must not leave this process behind.
        process.readCommandsInBackground(System.in);
        try {
            role.start();
        } catch (UsageException e) {
            usage(e.getMessage());
            return;
        } catch (Throwable e) {
            System.err.println(stack.id() + ": could not start: " + SessionTable.describe(e));
            e.printStackTrace();
            StackProcess.exit(3);
            return;
        }
        process.started();
    }

    /** The version of the process contract (docs/contract.md) this runtime speaks. */
    static final int CONTRACT = 1;

    private static void info(Stack stack, EventOut events) {
        ServerEngine serverEngine = stack.newServer();
        boolean server = serverEngine != null;
        ClientEngine clientEngine = stack.newClient();
        boolean client = clientEngine != null;
        String roles = server && client ? "server,client" : server ? "server" : "client";
        events.emit("info", "contract", CONTRACT, "protocol", stack.protocol(), "stack", stack.id(), "name", stack.name(), "version", stack.version(),
                "roles", roles, "heartbeat", stack.heartbeat(), "send_api", stack.sendApi(),
                "builtin_reconnect", client && clientEngine.hasBuiltinReconnect(), "defaults", stack.defaults(),
                "poll", server && serverEngine.servesPoll() ? PollBuffer.PATH : null,
                "poll_fallback", client && ClientRuntime.pollFallback(stack) ? true : null);
    }

    private static void usage(String problem) {
        System.err.println("wsbed stack: " + problem
                + "; usage: server [--host H] [--port P] [--path /ws] [--tick-ms N] [--heartbeat-ms N]"
                + " [--heartbeat-timeout-ms N] [--idle-timeout-ms N] | client --url ws[s]://host:port/path [--ca-file PEM] [--send-ms N]"
                + " [--heartbeat-ms N] [--heartbeat-timeout-ms N] [--reconnect none|backoff|builtin|poll-fallback] [--poll-ms N]"
                + " [--idle-timeout-ms N] [--connect-timeout-ms N] [--seed N] [--connections N] [--transports polling,websocket] | info");
        StackProcess.exit(2);
    }
}
