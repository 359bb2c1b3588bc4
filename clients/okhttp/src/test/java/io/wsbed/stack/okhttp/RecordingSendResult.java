package io.wsbed.stack.okhttp;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.stack.api.SendResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Records the one outcome a send reports: "ok", "failed: <class>", "false" or "silent". */
final class RecordingSendResult implements SendResult {
    private final CompletableFuture<String> outcome = new CompletableFuture<>();

    @Override
    public void ok() {
        outcome.complete("ok");
    }

    @Override
    public void failed(Throwable error) {
        outcome.complete("failed: " + error.getClass().getName());
    }

    @Override
    public void returnedFalse() {
        outcome.complete("false");
    }

    @Override
    public void silent() {
        outcome.complete("silent");
    }

    String await(Duration timeout) {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("the send reported no outcome within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for a send outcome");
        } catch (ExecutionException e) {
            return fail("unexpected", e.getCause());
        }
    }
}
