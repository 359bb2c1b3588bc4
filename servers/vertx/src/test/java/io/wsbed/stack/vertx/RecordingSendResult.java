package io.wsbed.stack.vertx;

import static org.junit.jupiter.api.Assertions.fail;

import io.wsbed.stack.api.SendResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The one outcome a send reported: "ok", "failed: <class>", "false" or "silent". */
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
        } catch (Exception e) {
            return fail("the send reported no outcome within " + timeout + " (" + e + ")");
        }
    }
}
