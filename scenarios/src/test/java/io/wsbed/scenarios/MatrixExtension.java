package io.wsbed.scenarios;

import io.wsbed.harness.run.MatrixRun;
import io.wsbed.harness.run.Settings;
import io.wsbed.harness.scenario.Cell;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Provides one test invocation per matrix cell, named like {@code [jetty x jdk, heartbeat]
 * server-crash}, and the run itself to any test method that asks for a {@link MatrixRun} (the
 * checks that follow the cells). The run is prepared once per JVM (in the root store) and writes
 * its report when JUnit closes the store at the end of the suite, unless a check wrote it already.
 */
public final class MatrixExtension implements TestTemplateInvocationContextProvider, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MatrixExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return run(context).cells().stream().map(CellInvocation::new);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == MatrixRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        return run(e);
    }

    private static MatrixRun run(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("run",
                k -> new RunResource(MatrixRun.prepare(Settings.fromSystemProperties(), Clock.systemUTC())),
                RunResource.class).run;
    }

    /** Writes the report when the suite ends (a no-op when a check already finished the run). */
    private record RunResource(MatrixRun run) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            run.finish();
        }
    }

    /** One cell as a JUnit invocation: its display name and its parameter. */
    private record CellInvocation(Cell cell) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return cell.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                    return p.getParameter().getType() == Cell.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                    return cell;
                }
            });
        }
    }
}
