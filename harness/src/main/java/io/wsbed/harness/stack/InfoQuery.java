package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.timeline.Event;
import io.wsbed.harness.timeline.EventLineParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Asks one stack for its {@code info} line: {@code <launcher> info} runs as a {@link ChildProcess}
 * (output in files, registered for the shutdown hook) and is killed with its tree when it has not
 * exited within the bound, so a stack that hangs here fails the run instead of hanging it.
 */
final class InfoQuery {
    /** How long the reader may take to hand over the last lines once the process has exited. */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private InfoQuery() {
    }

    static StackInfo ask(StackDescriptor stack, Path logDir, Duration bound) {
        List<String> lines = new CopyOnWriteArrayList<>();
        ChildProcess p = ChildProcess.start("info-" + stack.id(), stack.launcher().command(List.of("info")),
                stack.launcher().workDir(), logDir, lines::add);
        try {
            // info reads no command; a closed stdin also tells a stack that waits for one to exit.
            p.closeInput();
            if (!p.awaitExit(bound)) {
                p.kill();
                throw failure(stack, p, "did not answer 'info' within " + bound.toMillis() + " ms and was killed");
            }
            p.awaitOutputDrained(DRAIN);
            Optional<Event> info = lines.stream().map(l -> EventLineParser.parse(stack.id(), l))
                    .flatMap(Optional::stream).filter(e -> e.ev().equals("info")).findFirst();
            if (info.isEmpty()) {
                throw failure(stack, p, "printed no info line (exit " + p.exitCode() + ")");
            }
            Event e = info.get();
            String protocol = e.str("protocol");
            if (protocol != null && !protocol.isEmpty() && !protocol.equals(stack.protocol())) {
                throw HarnessException.configuration("stack '" + stack.id() + "' says protocol '" + protocol
                        + "' in info but '" + stack.protocol() + "' in " + stack.folder().resolve(StackDescriptor.FILE)
                        + "; make them agree");
            }
            return new StackInfo(stack.id(), e.str("name"), e.str("version"), Arrays.asList(e.str("roles").split(",")),
                    e.str("heartbeat"), e.str("send_api"), e.flag("builtin_reconnect"), e.str("defaults"),
                    stack.protocol(), "", e.str("poll"), e.flag("poll_fallback"));
        } finally {
            p.close();
        }
    }

    /** One line: the stack, what went wrong, the log and the last lines of its stderr. */
    private static HarnessException failure(StackDescriptor stack, ChildProcess p, String what) {
        String tail = p.stderrTail(5).strip().replace("\n", " | ");
        return new HarnessException("stack '" + stack.id() + "' " + what + "; stderr " + p.stderrLog() + ": "
                + (tail.isEmpty() ? "(empty)" : tail));
    }
}
