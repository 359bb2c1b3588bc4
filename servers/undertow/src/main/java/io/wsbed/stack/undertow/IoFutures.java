package io.wsbed.stack.undertow;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.xnio.IoFuture;

/** Bridges XNIO's {@link IoFuture} to a {@link CompletableFuture}. */
final class IoFutures {
    private IoFutures() {
    }

    /**
     * A future that follows {@code io}. Completing the returned future first (for example with a
     * timeout) cancels the XNIO operation; a result that still arrives afterwards nobody will ever
     * see, so it is handed to {@code discard} (to close it) instead of leaking.
     */
    static <T> CompletableFuture<T> toCompletable(IoFuture<T> io, Consumer<T> discard) {
        CompletableFuture<T> future = new CompletableFuture<>();
        io.addNotifier((done, attachment) -> {
            switch (done.getStatus()) {
                case DONE -> {
                    T value = valueOf(done);
                    if (!future.complete(value)) {
                        discard.accept(value);
                    }
                }
                case FAILED -> future.completeExceptionally(done.getException());
                case CANCELLED -> future.completeExceptionally(new CancellationException("XNIO operation cancelled"));
                default -> future.completeExceptionally(new IllegalStateException("notified while " + done.getStatus()));
            }
        }, null);
        future.whenComplete((value, error) -> {
            if (error != null) {
                io.cancel();
            }
        });
        return future;
    }

    private static <T> T valueOf(IoFuture<? extends T> done) {
        try {
            // Status DONE: get() returns at once.
            return done.get();
        } catch (IOException e) {
            throw new IllegalStateException("IoFuture reported DONE but get() failed", e);
        }
    }
}
