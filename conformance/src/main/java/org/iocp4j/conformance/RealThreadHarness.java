package org.iocp4j.conformance;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The harness for backends on real threads: platform threads and Awaitility. */
public final class RealThreadHarness implements Harness {
    private final Duration patience;

    /** Waits give up after {@code patience}. */
    public RealThreadHarness(Duration patience) {
        this.patience = patience;
    }

    @Override
    public void run(Scenario body) throws Exception {
        body.run();
    }

    @Override
    public Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void awaitUntil(String what, BooleanSupplier condition) {
        await(what).atMost(patience).pollInterval(Duration.ofMillis(1)).until(condition::getAsBoolean);
    }

    @Override
    public void join(Thread thread) {
        awaitUntil(thread.getName() + " ends", () -> !thread.isAlive());
    }

    @Override
    public void busy() {
        Thread.onSpinWait();
    }
}
