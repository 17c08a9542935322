package org.iocp4j.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.iocp4j.Blocking;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;

/**
 * A scenario thread that takes one step at a time when told to, so a test reads like the rules
 * it checks: "A dequeues, B dequeues and waits, A blocks, B gets the packet".
 *
 * <p>Between steps the thread is running (R25): it waits for its next step through
 * {@link Harness#awaitUntil}, which no port counts as a wait. It owns one {@link CompletionEntry},
 * reused by every dequeue, as a worker would. Steps are strict: telling a thread to do something
 * while it is still in a step is an {@link IllegalStateException}.
 */
public final class ScriptedThread {
    /** How many times in a row an idle thread outlives the harness's patience before it gives up. */
    private static final int MAX_IDLE_TIMEOUTS = 30;
    private final String name;
    private final Harness harness;
    private final Thread thread;
    private final CompletionEntry entry = new CompletionEntry();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Call next;
    private volatile Call current;
    private volatile Step nextStep;
    private volatile boolean released;
    private volatile boolean exitRequested;

    /** What a step does on the thread. */
    @FunctionalInterface
    private interface Step {
        void run(Call call) throws Exception;
    }

    ScriptedThread(String name, Harness harness) {
        this.name = name;
        this.harness = harness;
        this.thread = harness.start(name, this::loop);
    }

    /** The thread's name. */
    public String name() {
        return name;
    }

    /** The underlying thread. */
    public Thread thread() {
        return thread;
    }

    /**
     * Dequeues one packet from {@code port}, as GetQueuedCompletionStatus, waiting up to
     * {@code timeoutMillis} (0: never waits, {@link CompletionPort#INFINITE}: forever).
     */
    public Call dequeue(CompletionPort port, long timeoutMillis) {
        return issue("dequeue(" + port + ", " + timeout(timeoutMillis) + ")", call -> {
            DequeueStatus s = port.dequeue(entry, timeoutMillis, TimeUnit.MILLISECONDS);
            call.finish(s, s.hasPacket()
                    ? List.of(new Received(entry.key(), entry.bytes(), entry.overlapped(), entry.error()))
                    : List.of());
        });
    }

    /** Dequeues one packet from {@code port}, waiting as long as it takes. */
    public Call dequeue(CompletionPort port) {
        return dequeue(port, CompletionPort.INFINITE);
    }

    /** Removes up to {@code limit} packets from {@code port}, as GetQueuedCompletionStatusEx. */
    public Call poll(CompletionPort port, int limit, long timeoutMillis) {
        return issue("poll(" + port + ", limit " + limit + ", " + timeout(timeoutMillis) + ")", call -> {
            List<Received> got = new ArrayList<>();
            DequeueStatus s = port.poll((k, b, o, e) -> got.add(new Received(k, b, o, e)), limit, timeoutMillis,
                    TimeUnit.MILLISECONDS);
            call.finish(s, got);
        });
    }

    /**
     * Blocks, as on a kernel object, until {@link #release()}: the wait runs inside
     * {@link Blocking#run}, so the thread gives up its port slot (R26) and takes it back when
     * released (R27).
     */
    public Call block() {
        released = false;
        return issue("block until released", call -> Blocking.run(
                () -> harness.awaitUntil(name + " is released", () -> released)));
    }

    /** Spins (busy, not blocked, still active) until {@link #release()}. */
    public Call spin() {
        released = false;
        return issue("spin until released", call -> {
            while (!released) {
                harness.busy();
            }
        });
    }

    /** Ends the current {@link #block()} or {@link #spin()}. */
    public void release() {
        released = true;
    }

    /** Runs {@code action} on this thread as one step. */
    public Call run(String what, Harness.Scenario action) {
        return issue(what, call -> action.run());
    }

    /** Ends the thread after its current step (R29 for the port it is associated with). */
    public void exit() {
        exitRequested = true;
    }

    /** True while the thread is in a step or has one waiting to start. */
    public boolean busy() {
        Call c = current;
        return next != null || (c != null && !c.isDone());
    }

    /** The step the thread is in, or null when idle. */
    Call currentCall() {
        Call n = next;
        if (n != null) {
            return n;
        }
        Call c = current;
        return c != null && !c.isDone() ? c : null;
    }

    List<Call> calls() {
        return calls;
    }

    private Call issue(String what, Step step) {
        if (exitRequested) {
            throw new IllegalStateException(name + " was told to exit; it takes no more steps");
        }
        if (busy()) {
            throw new IllegalStateException(name + " is still in " + currentCall() + "; await it before '" + what + "'");
        }
        Call call = new Call(name + ": " + what, harness);
        calls.add(call);
        nextStep = step;
        next = call; // published last: the thread reads nextStep after seeing next
        return call;
    }

    private void loop() {
        int idleTimeouts = 0;
        while (true) {
            try {
                harness.awaitUntil(name + " gets its next step", () -> next != null || exitRequested);
            } catch (RuntimeException | AssertionError patienceRanOut) {
                // idle longer than the harness's patience: keep waiting, but not forever, and
                // never spin on a harness that fails at once
                if (++idleTimeouts > MAX_IDLE_TIMEOUTS) {
                    return;
                }
                continue;
            }
            idleTimeouts = 0;
            Call call = next;
            if (call == null) {
                return; // exit requested and nothing left to do
            }
            Step step = nextStep;
            current = call;
            next = null;
            try {
                step.run(call);
            } catch (Throwable t) {
                call.fail(t);
            } finally {
                call.markDone();
            }
        }
    }

    private static String timeout(long millis) {
        return millis == CompletionPort.INFINITE ? "INFINITE" : millis + " ms";
    }

    @Override
    public String toString() {
        return name;
    }
}
