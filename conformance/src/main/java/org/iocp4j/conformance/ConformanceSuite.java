package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.BooleanSupplier;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every conformance suite. A backend runs a suite by subclassing it and returning its
 * {@link BackendFixture} from {@link #fixture()}; nothing else.
 *
 * <p>Each test runs inside {@link Harness#run}; afterwards {@link InvariantCheck} checks, for every
 * port the test opened, the backend's invariants, that it was closed and that no packet was lost
 * or delivered twice, and that no thread the test started is still running. Suites open ports,
 * start threads and wait only through the helpers here, so the same test runs on real threads and
 * on the simulator: never {@code new Thread}, {@code Thread.sleep} or Awaitility in a suite.
 */
@ExtendWith(InvariantCheck.class)
public abstract class ConformanceSuite {
    private BackendFixture fixture;
    private Ledger ledger = new Ledger();
    private int portsOpened;

    /** For the suites. */
    protected ConformanceSuite() {}

    /** The backend under test; called once per test. */
    protected abstract BackendFixture fixture();

    /** The fixture of the current test. */
    protected final BackendFixture backend() {
        if (fixture == null) {
            fixture = fixture();
        }
        return fixture;
    }

    /** The backend's harness. */
    protected final Harness harness() {
        return backend().harness();
    }

    /** The backend's capabilities. */
    protected final PortCapabilities capabilities() {
        return backend().capabilities();
    }

    /** Opens a port with concurrency {@code n} (0 = processors, R1); the invariant check watches it. */
    protected final CompletionPort open(int n) {
        return open(PortOptions.withConcurrency(n));
    }

    /** Opens a port with {@code options}; the invariant check watches it. */
    protected final CompletionPort open(PortOptions options) {
        CompletionPort p = backend().open(options);
        portsOpened++;
        return ledger.add(new CheckedPort(p, "port#" + portsOpened + "(" + p.concurrency() + ")",
                backend()::invariantViolation));
    }

    /** Starts a scripted thread named {@code name}. */
    protected final ScriptedThread thread(String name) {
        return ledger.add(new ScriptedThread(name, harness()));
    }

    /** Starts a thread running {@code body}; {@link #join} it before the test ends. */
    protected final Thread start(String name, Harness.Scenario body) {
        Ledger.TrackedThread tracked = ledger.track(name);
        Thread t = harness().start(name, () -> {
            try {
                body.run();
            } catch (Throwable e) {
                tracked.failure = e;
            } finally {
                tracked.finished = true;
            }
        });
        tracked.thread = t;
        return t;
    }

    /** Waits until {@code thread} has ended; rethrows (wrapped) what its body threw. */
    protected final void join(Thread thread) {
        harness().join(thread);
        Ledger.TrackedThread tracked = ledger.tracked(thread);
        if (tracked != null) {
            tracked.observed = true;
            if (tracked.failure != null) {
                throw new AssertionError(tracked.name + " threw " + tracked.failure, tracked.failure);
            }
        }
    }

    /**
     * Sets up Raymond Chen's concurrency-1 example ({@link ChenExample}): two packets posted, A
     * takes packet 1 and spins, B dequeues and waits although packet 2 is queued (R23).
     */
    protected final ChenExample chenExample() {
        assumeEnforcesConcurrency();
        CompletionPort port = open(1);
        port.post(1, 0, null);
        port.post(2, 0, null);
        ScriptedThread a = thread("A");
        ScriptedThread b = thread("B");
        if (a.dequeue(port).key() != 1) {
            throw new AssertionError("A should take packet 1 first (FIFO, R14)");
        }
        Call aSpins = a.spin();
        Call bWaits = b.dequeue(port);
        awaitWaiting(port, 1);
        if (bWaits.isDone()) {
            throw new AssertionError("B must wait while A runs, although packet 2 is queued (R23), but got "
                    + bWaits.status());
        }
        return new ChenExample(port, a, aSpins, b, bWaits);
    }

    /** Waits until {@code condition} holds; fails, naming {@code what}, if it never does. */
    protected final void awaitUntil(String what, BooleanSupplier condition) {
        harness().awaitUntil(what, condition);
    }

    /** Waits until exactly {@code n} threads wait in a dequeue on {@code port}. */
    protected final void awaitWaiting(CompletionPort port, int n) {
        assumeWaitersCounted(port);
        awaitUntil(n + " thread(s) waiting on " + port, () -> waiting(port) == n);
    }

    /**
     * The threads blocked in a dequeue on {@code port} as the backend sees them
     * ({@link BackendFixture#waitingThreads}), or {@link PortStats#UNKNOWN}; wait on it, never assert
     * a single reading.
     */
    protected final int waiting(CompletionPort port) {
        return backend().waitingThreads(port instanceof CheckedPort c ? c.backendPort() : port);
    }

    /** The port's active count (CurrentCount); the test is skipped if the backend cannot report it. */
    protected final int active(CompletionPort port) {
        assumeCountsActiveThreads();
        return port.stats().activeThreads();
    }

    /** The number of threads associated with the port; the test is skipped if the backend cannot report it. */
    protected final int associated(CompletionPort port) {
        int n = port.stats().associatedThreads();
        assumeTrue(n != PortStats.UNKNOWN, "needs PortStats.associatedThreads (R20)");
        return n;
    }

    /** The number of packets queued on the port; the test is skipped if the backend cannot report it. */
    protected final int queued(CompletionPort port) {
        int q = port.stats().queuedPackets();
        assumeTrue(q != PortStats.UNKNOWN, "needs PortStats.queuedPackets (the queue depth, R77)");
        return q;
    }

    /** Skips the test unless the backend reports how many threads wait on a port. */
    protected final void assumeWaitersCounted(CompletionPort port) {
        assumeTrue(waiting(port) != PortStats.UNKNOWN,
                "needs PortStats.waitingThreads (or the fixture's view of the waiters), to know that a thread is on "
                        + "the wait list");
    }

    /** Skips the test unless the backend enforces the concurrency maximum (R23-R27). */
    protected final void assumeEnforcesConcurrency() {
        assumeTrue(capabilities().enforcesConcurrency(),
                "needs a backend that enforces the concurrency maximum (R23-R27)");
    }

    /** Skips the test unless the most recent waiter is woken first (R14; Wine 8.0 wakes FIFO). */
    protected final void assumeWakesLifo() {
        assumeTrue(capabilities().wakesLifo(), "needs a backend that wakes the most recent waiter first (R14)");
    }

    /** Skips the test unless the backend reports the active count. */
    protected final void assumeCountsActiveThreads() {
        assumeTrue(capabilities().countsActiveThreads(), "needs PortStats.activeThreads (CurrentCount, R25)");
    }

    /** Skips the test unless waits on iocp4j kernel objects, sleeps and Blocking give up the slot. */
    protected final void assumeSeesLibraryWaits() {
        assumeTrue(capabilities().seesLibraryWaits(),
                "needs a backend that sees Blocking, Sleep and kernel-object waits (R26, R27)");
    }

    /** Skips the test unless the backend notices that an associated thread died (R29). */
    protected final void assumeDetectsThreadExit() {
        assumeTrue(capabilities().detectsThreadExit(), "needs a backend that notices thread exit (R29)");
    }

    /** The current test's bookkeeping; a fresh one after each {@link #finishTest()}. */
    final Ledger ledger() {
        return ledger;
    }

    /** Ends the current test's bookkeeping and starts a new one (for PER_CLASS lifecycles). */
    final Ledger finishTest() {
        Ledger done = ledger;
        ledger = new Ledger();
        return done;
    }
}
