package io.wsbed.stack.socketio;

import io.wsbed.stack.api.SendResult;

/** Records the first outcome a send reports. */
final class RecordingSendResult implements SendResult {
    private volatile String outcome;

    private void report(String o) {
        if (outcome == null) {
            outcome = o;
        }
    }

    @Override
    public void ok() {
        report("ok");
    }

    @Override
    public void failed(Throwable error) {
        report("failed: " + error.getClass().getName());
    }

    @Override
    public void returnedFalse() {
        report("false");
    }

    @Override
    public void silent() {
        report("silent");
    }

    String outcome() {
        return outcome;
    }
}
