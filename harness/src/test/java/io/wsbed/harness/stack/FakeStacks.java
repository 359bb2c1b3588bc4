package io.wsbed.harness.stack;

/**
 * Stand-ins for stack launchers, run from this module's test classpath: one that answers
 * {@code info} as the contract says, and one that hangs in {@code info} after a line on stderr.
 */
final class FakeStacks {
    private FakeStacks() {
    }

    /** Prints the contract's info line and exits. */
    static final class Answers {
        public static void main(String[] args) {
            System.out.println("{\"t\":1,\"ev\":\"info\",\"stack\":\"answers\",\"name\":\"Answers\",\"version\":\"1.2.3\","
                    + "\"roles\":\"server,client\",\"heartbeat\":\"none\",\"send_api\":\"sync\",\"builtin_reconnect\":true}");
        }
    }

    /** Says what it is stuck on, then never answers and ignores its closed stdin. */
    static final class Hangs {
        public static void main(String[] args) throws InterruptedException {
            System.err.println("hangs: loading the library");
            System.err.println("hangs: waiting for a lock that never comes");
            System.err.flush();
            Thread.sleep(600_000);
        }
    }
}
