package io.wsbed.toxiproxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@link ToxiproxyServerMain}: {@code --host}, {@code --port}, {@code --seed},
 * {@code --config FILE}, {@code --exit-on-stdin-eof}; {@code --name value} and {@code --name=value}
 * both work, and so do the reference's single-dash forms ({@code -host=0.0.0.0}).
 */
record MainOptions(String host, int port, Long seed, Path config, boolean exitOnStdinEof, boolean help) {

    static final String USAGE = "usage: toxiproxy-server [--host H (default 127.0.0.1)] [--port N (default 8474,"
            + " 0 = any free port)] [--seed N] [--config FILE (JSON array as for POST /populate)]"
            + " [--exit-on-stdin-eof]";

    /** A bad command line; the message names the option and the fix. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static MainOptions parse(List<String> args) throws UsageException {
        String host = ToxiproxyServer.DEFAULT_HOST;
        int port = ToxiproxyServer.DEFAULT_PORT;
        Long seed = null;
        Path config = null;
        boolean exitOnEof = false;
        for (int i = 0; i < args.size(); i++) {
            String raw = args.get(i);
            String arg = dashes(raw);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--help", "-h" -> {
                    return new MainOptions(host, port, seed, config, exitOnEof, true);
                }
                case "--exit-on-stdin-eof" -> exitOnEof = true;
                case "--host" -> host = value(args, i, inline, name);
                case "--port" -> port = port(value(args, i, inline, name));
                case "--seed" -> seed = seed(value(args, i, inline, name));
                case "--config" -> config = config(value(args, i, inline, name));
                default -> throw new UsageException("unknown option '" + raw + "'; " + USAGE);
            }
            if (inline == null && !name.equals("--exit-on-stdin-eof")) {
                i++;
            }
        }
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty; give an address such as 127.0.0.1 or 0.0.0.0");
        }
        return new MainOptions(host, port, seed, config, exitOnEof, false);
    }

    /**
     * Go's flag package, which the reference uses, accepts {@code -port} as well as {@code --port};
     * so do we, so that the reference's command lines (e.g. {@code -host=0.0.0.0}) work unchanged.
     */
    private static String dashes(String arg) {
        return arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 2 ? "-" + arg : arg;
    }

    private static String value(List<String> args, int i, String inline, String name) throws UsageException {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.size()) {
            throw new UsageException(name + " needs a value; " + USAGE);
        }
        return args.get(i + 1);
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535 (0 = any free port), got '" + text + "'");
    }

    private static Long seed(String text) throws UsageException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--seed must be a whole number (a 64-bit integer), got '" + text + "'");
        }
    }

    private static Path config(String text) throws UsageException {
        Path path = Path.of(text);
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new UsageException("--config " + text + " is not a readable file; give the path of a JSON"
                    + " array of proxies as accepted by POST /populate");
        }
        return path;
    }
}
