package org.iocp4j.examples.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionPort;

/**
 * The ports and named threads of one scenario. Closing it closes the ports (which releases any
 * thread still waiting on them), joins the threads and rethrows the first thing one of them
 * threw, so a scenario cannot end with a thread running or a failure unnoticed.
 */
final class Scene implements AutoCloseable {

    /** A thread's body. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Narrator narrator;
    private final List<CompletionPort> ports = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>(); // guarded by itself

    Scene(Narrator narrator) {
        this.narrator = narrator;
    }

    /** Opens a port told by the narrator; the scene closes it at the end if the scenario did not. */
    CompletionPort open(String label, int concurrency) {
        CompletionPort port = narrator.open(label, concurrency);
        ports.add(port);
        return port;
    }

    /** Starts a platform thread called {@code name} running {@code body}. */
    Thread start(String name, Body body) {
        Thread t = Thread.ofPlatform().name(name).unstarted(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        });
        threads.add(t);
        t.start();
        return t;
    }

    /** Closes the ports, joins every thread (10 s each at most) and rethrows the first failure. */
    @Override
    public void close() {
        ports.forEach(CompletionPort::close);
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining " + t.getName(), e);
            }
            if (t.isAlive()) {
                t.interrupt();
                throw new IllegalStateException(t.getName() + " did not finish; it is stuck in "
                        + t.getState() + " at " + (t.getStackTrace().length > 0 ? t.getStackTrace()[0] : "?"));
            }
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a thread of the scenario failed: " + failures.get(0),
                        failures.get(0));
            }
        }
    }
}
