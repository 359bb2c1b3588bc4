package io.wsbed.harness.stack;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.ChildProcess;
import io.wsbed.harness.timeline.Timeline;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the {@link StartArchive} of one stack in one role, or finds the one made before: runs the
 * role once with its class list recorded (launch, ready, a session with messages both ways against
 * a reference peer, then stdin closed), then has the JVM dump an archive of those classes. The
 * archive is kept under the module's target/wsbed/cds/ with a key (JVM, classpath, each jar) and
 * reused until the key changes. Every step is bounded; a failure only means no archive.
 */
final class ArchiveTraining {
    private static final Duration READY = Duration.ofSeconds(20);
    private static final Duration FLOW = Duration.ofSeconds(10);
    private static final Duration DUMP = Duration.ofSeconds(120);

    private ArchiveTraining() {
    }

    /** Whether the archive of this stack and role is there and current. */
    static Optional<StartArchive> existing(StackDescriptor stack, JavaLauncher java, String role) {
        Layout l = Layout.of(stack, java, role);
        try {
            if (Files.exists(l.archive) && Files.exists(l.keyFile)
                    && Files.readString(l.keyFile, StandardCharsets.UTF_8).equals(l.key())) {
                return Optional.of(new StartArchive(l.archive, l.classpath));
            }
        } catch (IOException e) {
            // Unreadable: made again.
        }
        return Optional.empty();
    }

    /** Trains and dumps the archive; throws a HarnessException saying why when it cannot. */
    static StartArchive make(StackDescriptor stack, JavaLauncher java, String role, StackDescriptor peer, Path logDir) {
        Layout l = Layout.of(stack, java, role);
        try {
            Files.deleteIfExists(l.classList);
            Files.deleteIfExists(l.keyFile);
            record(stack, java, role, peer, l, logDir);
            if (!Files.exists(l.classList)) {
                throw new HarnessException("the training run wrote no class list");
            }
            Path tmp = l.archive.resolveSibling(role + ".jsa.tmp");
            List<String> dump = new ArrayList<>(List.of(JavaLauncher.java(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + l.classList, "-XX:SharedArchiveFile=" + tmp, "-cp", l.classpath));
            dump.addAll(JavaLauncher.JVM_FLAGS.stream().filter(f -> !f.startsWith("-Xshare")).toList());
            dump.add("-version");
            try (ChildProcess p = ChildProcess.start("cds-dump-" + stack.id() + "-" + role, dump, logDir, line -> { })) {
                if (!p.awaitExit(DUMP) || !Integer.valueOf(0).equals(p.exitCode()) || !Files.exists(tmp)) {
                    throw new HarnessException("the archive dump failed (exit " + p.exitCode() + "): "
                            + p.stderrTail(3).replace('\n', ' '));
                }
            }
            Files.move(tmp, l.archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(l.keyFile, l.key(), StandardCharsets.UTF_8);
            return new StartArchive(l.archive, l.classpath);
        } catch (IOException e) {
            throw new HarnessException("cannot write under " + l.archive.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** One session of the role against the peer, with the role's JVM writing down every class it loads. */
    private static void record(StackDescriptor stack, JavaLauncher java, String role, StackDescriptor peer, Layout l,
                               Path logDir) {
        Timeline timeline = new Timeline(Clock.systemUTC());
        List<String> flags = List.of("-XX:DumpLoadedClassList=" + l.classList);
        boolean server = role.equals("server");
        String label = "cds-train-" + stack.id() + "-" + role;
        try (RunningStack trainee = server
                ? RunningStack.launch(java.command(List.of("server", "--port", "0", "--tick-ms", "50"), l.classpath, flags),
                        stack.folder(), stack.id(), label, logDir, timeline)
                : null;
             RunningStack peerServer = server ? null
                     : RunningStack.launch(peer.launcher().command(List.of("server", "--port", "0", "--tick-ms", "50")),
                             peer.folder(), peer.id(), "cds-peer-" + peer.id(), logDir, timeline)) {
            RunningStack listening = server ? trainee : peerServer;
            listening.awaitReady(READY);
            List<String> client = List.of("client", "--url", "ws://127.0.0.1:" + listening.port() + "/ws", "--send-ms", "50",
                    "--reconnect", "none");
            try (RunningStack connecting = server
                    ? RunningStack.launch(peer.launcher().command(client), peer.folder(), peer.id(), "cds-peer-" + peer.id(),
                            logDir, timeline)
                    : RunningStack.launch(java.command(client, l.classpath, flags), stack.folder(), stack.id(), label,
                            logDir, timeline)) {
                connecting.awaitReady(READY);
                String learner = server ? listening.label() : connecting.label();
                int got = timeline.awaitCount(e -> e.source().equals(learner) && e.ev().equals("recv"), 3, FLOW);
                if (got < 3) {
                    throw new HarnessException("the training session carried " + got + " of 3 messages within "
                            + FLOW.toSeconds() + " s; see " + logDir);
                }
                connecting.close();
                connecting.awaitExit(ChildProcess.EXIT_GRACE);
            }
            listening.close();
            listening.awaitExit(ChildProcess.EXIT_GRACE);
        }
    }

    /** Where one stack's archive of one role and everything it is made from live. */
    private record Layout(Path archive, Path keyFile, Path classList, String classpath) {
        static Layout of(StackDescriptor stack, JavaLauncher java, String role) {
            Path dir = stack.folder().resolve("target").resolve("wsbed").resolve("cds");
            // CDS takes jars only: every folder on the classpath (the stack's classes; stack-api's
            // when Maven resolved it inside a reactor that had not packaged it) goes in as a jar.
            List<String> entries = new ArrayList<>();
            String[] parts = java.classpath().split(File.pathSeparator);
            for (int i = 0; i < parts.length; i++) {
                Path p = Path.of(parts[i]);
                Path entry = Files.isDirectory(p)
                        ? StackJar.of(p, dir.resolve(i == 0 ? "classes.jar" : "folder-" + i + ".jar")) : p;
                entries.add(entry.toString());
            }
            return new Layout(dir.resolve(role + ".jsa"), dir.resolve(role + ".key"), dir.resolve(role + ".classlist"),
                    String.join(File.pathSeparator, entries));
        }

        /** What the archive depends on: the JVM, its flags, the classpath and each jar's time and size. */
        String key() {
            List<String> lines = new ArrayList<>(List.of(System.getProperty("java.home"),
                    System.getProperty("java.vm.version"), String.join(" ", JavaLauncher.JVM_FLAGS), classpath));
            for (String entry : classpath.split(File.pathSeparator)) {
                try {
                    Path p = Path.of(entry);
                    lines.add(entry + " " + Files.getLastModifiedTime(p).toMillis() + " " + Files.size(p));
                } catch (IOException e) {
                    lines.add(entry + " missing");
                }
            }
            return String.join("\n", lines) + "\n";
        }
    }
}
