package org.iocp4j.conformance;

import java.util.List;
import org.iocp4j.DequeueStatus;

/**
 * One step a {@link ScriptedThread} was told to take (a dequeue, a batch dequeue, a block...), and
 * how it ended. Reading a result waits, through the harness, until the step has returned.
 */
public final class Call {
    private final String what;
    private final Harness harness;
    private volatile DequeueStatus status;
    private volatile List<Received> received = List.of();
    private volatile Throwable failure;
    private volatile boolean observed;
    /** Written last by the thread that ran the step. */
    private volatile boolean done;

    Call(String what, Harness harness) {
        this.what = what;
        this.harness = harness;
    }

    /** What the step is, e.g. {@code "B: dequeue(port#1, INFINITE)"}. */
    public String what() {
        return what;
    }

    /** True once the step has returned; does not wait. */
    public boolean isDone() {
        return done;
    }

    /** Waits until the step has returned; rethrows (wrapped) what it threw. */
    public Call await() {
        harness.awaitUntil(what + " returns", () -> done);
        observed = true;
        if (failure != null) {
            throw new AssertionError(what + " threw " + failure, failure);
        }
        return this;
    }

    /** Waits until the step has returned and gives what it threw, or null. */
    public Throwable thrown() {
        harness.awaitUntil(what + " returns", () -> done);
        observed = true;
        return failure;
    }

    /** The status a dequeue or batch dequeue returned (waits for it). */
    public DequeueStatus status() {
        return await().status;
    }

    /** The packets it returned, FIFO (waits for them). */
    public List<Received> received() {
        return await().received;
    }

    /** The one packet it returned (waits for it); fails if it returned none or several. */
    public Received packet() {
        List<Received> r = received();
        if (r.size() != 1) {
            throw new AssertionError(what + " returned " + status + " with " + r.size() + " packets, expected one: " + r);
        }
        return r.get(0);
    }

    /** The key of the one packet it returned (waits for it). */
    public long key() {
        return packet().key();
    }

    void finish(DequeueStatus s, List<Received> packets) {
        this.status = s;
        this.received = List.copyOf(packets);
    }

    void fail(Throwable t) {
        this.failure = t;
    }

    void markDone() {
        done = true;
    }

    /** A failure nobody looked at, for the invariant check; null if none. */
    Throwable unobservedFailure() {
        return done && !observed ? failure : null;
    }

    @Override
    public String toString() {
        return what + (done ? " -> " + (failure != null ? failure : status + " " + received) : " (running)");
    }
}
