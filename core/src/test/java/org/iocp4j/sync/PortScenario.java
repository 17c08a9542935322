package org.iocp4j.sync;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.iocp4j.sync.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;

/**
 * The shape every "does this wait give up the slot" test shares, on a port of concurrency 1:
 * thread A takes packet 1 and runs; thread B waits on the port; packet 2 is queued behind the
 * saturated port (R23); then A does {@link Step#block()}, and B should get packet 2.
 */
final class PortScenario implements AutoCloseable {
    /** What A does once B waits beside the queued packet. */
    @FunctionalInterface
    interface Step {
        void block() throws Exception;
    }

    final CompletionPort port;
    final AtomicLong bKey = new AtomicLong(-1);
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger stage = new AtomicInteger();
    private Thread a;
    private Thread b;

    PortScenario(CompletionPort port) {
        this.port = port;
    }

    /** Starts A and B and queues packet 2; A runs {@code step} once {@link #go()} is called. */
    PortScenario start(Step step, boolean bArrivesFirst) {
        port.post(1, 0, null);
        a = thread("a", () -> {
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(new CompletionEntry(), 10, SECONDS));
            stage.set(1);
            while (stage.get() < 2) {
                Thread.yield();
            }
            step.block();
            while (stage.get() < 3) {
                Thread.yield(); // running again: counted again (R27)
            }
        });
        await().until(() -> stage.get() == 1);
        if (bArrivesFirst) {
            startB();
            await().until(() -> port.stats().waitingThreads() == 1);
            port.post(2, 0, null);
        } else {
            port.post(2, 0, null);
            go();
            startB();
        }
        return this;
    }

    private void startB() {
        b = thread("b", () -> {
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 10, SECONDS));
            bKey.set(e.key());
            while (stage.get() < 3) {
                Thread.yield();
            }
        });
    }

    /** Lets A run its step. */
    void go() {
        stage.compareAndSet(1, 2);
    }

    private Thread thread(String name, Step body) {
        Thread t = new Thread(() -> {
            try {
                body.block();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Lets both threads end, waits for them, and rethrows a failure of either. */
    @Override
    public void close() {
        stage.set(3);
        await("a and b end").until(() -> (a == null || !a.isAlive()) && (b == null || !b.isAlive()));
        port.close();
        if (failure.get() != null) {
            throw new AssertionError("a scenario thread failed", failure.get());
        }
    }
}
