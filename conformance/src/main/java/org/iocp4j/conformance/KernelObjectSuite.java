package org.iocp4j.conformance;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.iocp4j.sync.Waits.WAIT_ABANDONED_0;
import static org.iocp4j.sync.Waits.WAIT_OBJECT_0;
import static org.iocp4j.sync.Waits.WAIT_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.sync.Event;
import org.iocp4j.sync.KernelObject;
import org.iocp4j.sync.Mutex;
import org.iocp4j.sync.Semaphore;
import org.iocp4j.sync.Sleep;
import org.iocp4j.sync.WaitableTimer;
import org.iocp4j.sync.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kernel objects' contract (org.iocp4j.sync) and what their waits tell a port (R23, R26,
 * R27), for every backend: a backend's test module subclasses this and returns its fixture.
 * Threads start only through the harness and every wait on them goes through it, so the same
 * tests run on real threads and on the simulator.
 */
public abstract class KernelObjectSuite {
    /** A wait on a scenario thread that should end long before this (virtual time on the simulator). */
    private static final long LONG_MS = 30_000;

    /** For a backend's subclass. */
    protected KernelObjectSuite() {}

    /** The backend under test. */
    protected abstract BackendFixture fixture();

    private BackendFixture fixture;
    private Harness harness;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @BeforeEach
    final void setUpFixture() {
        fixture = fixture();
        harness = fixture.harness();
    }

    @AfterEach
    final void noThreadFailed() {
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " scenario thread(s) failed", failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** A scenario thread body that may throw (assertions included). */
    @FunctionalInterface
    protected interface Body {
        void run() throws Exception;
    }

    /** Starts a scenario thread through the harness; its failure fails the test. */
    protected final Thread spawn(String name, Body body) {
        return harness.start(name, () -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        });
    }

    /** Starts a thread that waits on {@code o} and records its result (-1 until it returns). */
    private Thread waiter(String name, KernelObject o, AtomicInteger result) {
        result.set(-1);
        return spawn(name, () -> result.set(o.waitFor(LONG_MS, MILLISECONDS)));
    }

    /** What a thread other than the scenario's main one gets from a zero-timeout wait on {@code o}. */
    private int tryFromOtherThread(KernelObject o) {
        AtomicInteger r = new AtomicInteger(-1);
        harness.join(spawn("try", () -> r.set(o.waitFor(0, MILLISECONDS))));
        return r.get();
    }

    private PortCapabilities caps() {
        return fixture.capabilities();
    }

    // ---- events

    @Test
    void autoResetEvent_setReleasesOneWaiterAndResets() throws Exception {
        harness.run(() -> {
            Event e = Event.autoReset(false);
            AtomicInteger a = new AtomicInteger();
            AtomicInteger b = new AtomicInteger();
            Thread ta = waiter("a", e, a);
            Thread tb = waiter("b", e, b);
            harness.awaitUntil("both wait", () -> e.waitingThreads() == 2);
            e.set();
            assertEquals(1, e.waitingThreads(), "one set releases one waiter");
            assertFalse(e.isSignaled(), "the released wait reset the event");
            harness.awaitUntil("one waiter returns", () -> a.get() == WAIT_OBJECT_0 || b.get() == WAIT_OBJECT_0);
            e.set();
            harness.join(ta);
            harness.join(tb);
            assertEquals(WAIT_OBJECT_0, a.get());
            assertEquals(WAIT_OBJECT_0, b.get());
            assertFalse(e.isSignaled());
        });
    }

    @Test
    void autoResetEvent_releasesWaitersInTheOrderTheyBeganToWait() throws Exception {
        harness.run(() -> {
            Event e = Event.autoReset(false);
            AtomicInteger first = new AtomicInteger();
            AtomicInteger second = new AtomicInteger();
            Thread t1 = waiter("first", e, first);
            harness.awaitUntil("first waits", () -> e.waitingThreads() == 1);
            Thread t2 = waiter("second", e, second);
            harness.awaitUntil("second waits", () -> e.waitingThreads() == 2);
            e.set();
            harness.join(t1);
            assertEquals(WAIT_OBJECT_0, first.get());
            assertEquals(1, e.waitingThreads(), "the second still waits");
            e.set();
            harness.join(t2);
            assertEquals(WAIT_OBJECT_0, second.get());
        });
    }

    @Test
    void autoResetEvent_staysSignaledUntilOneWaitConsumesIt() throws Exception {
        harness.run(() -> {
            Event e = Event.autoReset(false);
            e.set();
            e.set(); // sets do not count
            assertEquals(WAIT_OBJECT_0, e.waitFor(0, MILLISECONDS));
            assertEquals(WAIT_TIMEOUT, e.waitFor(0, MILLISECONDS));
        });
    }

    @Test
    void manualResetEvent_setReleasesAllWaitersAndStaysSignaled() throws Exception {
        harness.run(() -> {
            Event e = Event.manualReset(false);
            AtomicInteger[] r = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
            Thread[] t = new Thread[3];
            for (int i = 0; i < 3; i++) {
                t[i] = waiter("w" + i, e, r[i]);
            }
            harness.awaitUntil("three wait", () -> e.waitingThreads() == 3);
            e.set();
            assertEquals(0, e.waitingThreads());
            for (int i = 0; i < 3; i++) {
                harness.join(t[i]);
                assertEquals(WAIT_OBJECT_0, r[i].get());
            }
            assertEquals(WAIT_OBJECT_0, e.waitFor(0, MILLISECONDS));
            assertEquals(WAIT_OBJECT_0, e.waitFor(0, MILLISECONDS), "a manual-reset event stays signaled");
            e.reset();
            assertEquals(WAIT_TIMEOUT, e.waitFor(0, MILLISECONDS));
        });
    }

    @Test
    void pulseEvent_releasesOnlyThreadsWaitingNowAndLeavesTheEventReset() throws Exception {
        harness.run(() -> {
            Event e = Event.manualReset(false);
            e.pulse(); // nobody waits: lost
            assertEquals(WAIT_TIMEOUT, e.waitFor(0, MILLISECONDS));
            AtomicInteger a = new AtomicInteger();
            AtomicInteger b = new AtomicInteger();
            Thread ta = waiter("a", e, a);
            Thread tb = waiter("b", e, b);
            harness.awaitUntil("both wait", () -> e.waitingThreads() == 2);
            e.pulse();
            harness.join(ta);
            harness.join(tb);
            assertEquals(WAIT_OBJECT_0, a.get());
            assertEquals(WAIT_OBJECT_0, b.get());
            assertFalse(e.isSignaled());
        });
    }

    // ---- semaphores

    @Test
    void semaphore_eachWaitTakesOneAndReleaseReleasesAsManyWaiters() throws Exception {
        harness.run(() -> {
            Semaphore s = new Semaphore(1, 5);
            assertEquals(WAIT_OBJECT_0, s.waitFor(0, MILLISECONDS));
            assertEquals(WAIT_TIMEOUT, s.waitFor(0, MILLISECONDS));
            AtomicInteger[] r = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
            Thread[] t = new Thread[3];
            for (int i = 0; i < 3; i++) {
                t[i] = waiter("w" + i, s, r[i]);
            }
            harness.awaitUntil("three wait", () -> s.waitingThreads() == 3);
            assertEquals(0, s.release(2), "release returns the previous count");
            assertEquals(1, s.waitingThreads(), "a release of 2 satisfies two waits");
            assertEquals(0, s.currentCount());
            assertEquals(0, s.release(3));
            for (int i = 0; i < 3; i++) {
                harness.join(t[i]);
                assertEquals(WAIT_OBJECT_0, r[i].get());
            }
            assertEquals(2, s.currentCount());
        });
    }

    // ---- mutexes

    @Test
    void mutex_isRecursiveAndFreeOnlyAfterAsManyReleases() throws Exception {
        harness.run(() -> {
            Mutex m = new Mutex(true);
            assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS), "the owner's wait nests");
            assertEquals(WAIT_TIMEOUT, tryFromOtherThread(m));
            m.release();
            assertEquals(WAIT_TIMEOUT, tryFromOtherThread(m), "one acquisition is still held");
            m.release();
            assertFalse(m.isHeldByCurrentThread());
            AtomicInteger r = new AtomicInteger(-1);
            harness.join(spawn("next", () -> {
                r.set(m.waitFor(0, MILLISECONDS));
                m.release();
            }));
            assertEquals(WAIT_OBJECT_0, r.get());
        });
    }

    @Test
    void mutex_releaseHandsItToTheWaiter() throws Exception {
        harness.run(() -> {
            Mutex m = new Mutex(false);
            assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS));
            AtomicInteger r = new AtomicInteger(-1);
            AtomicInteger released = new AtomicInteger();
            Thread t = spawn("waiter", () -> {
                r.set(m.waitFor(LONG_MS, MILLISECONDS));
                assertTrue(m.isHeldByCurrentThread());
                m.release();
                released.set(1);
            });
            harness.awaitUntil("the waiter waits", () -> m.waitingThreads() == 1);
            m.release();
            harness.join(t);
            assertEquals(WAIT_OBJECT_0, r.get());
            assertEquals(1, released.get());
        });
    }

    @Test
    void mutex_whoseOwnerEndsIsAbandonedToTheWaiterWhichOwnsIt() throws Exception {
        harness.run(() -> {
            Mutex m = new Mutex(false);
            Event finish = Event.manualReset(false);
            Thread owner = spawn("owner", () -> {
                assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS));
                assertEquals(WAIT_OBJECT_0, finish.waitFor(LONG_MS, MILLISECONDS));
                // ends owning the mutex
            });
            harness.awaitUntil("the owner holds it and waits", () -> finish.waitingThreads() == 1);
            AtomicInteger r = new AtomicInteger(-1);
            Thread waiter = spawn("waiter", () -> {
                r.set(m.waitFor(LONG_MS, MILLISECONDS));
                m.release(); // it owns the abandoned mutex
            });
            harness.awaitUntil("the waiter waits", () -> m.waitingThreads() == 1);
            finish.set();
            harness.join(owner);
            harness.join(waiter);
            assertEquals(WAIT_ABANDONED_0, r.get());
            assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS), "the next owner sees it normal again");
            m.release();
        });
    }

    @Test
    void mutex_whoseOwnerEndedIsAbandonedToTheNextWait() throws Exception {
        harness.run(() -> {
            Mutex m = new Mutex(false);
            harness.join(spawn("owner", () -> assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS))));
            Event never = Event.manualReset(false);
            assertEquals(WAIT_ABANDONED_0 + 1, Waits.waitAny(0, MILLISECONDS, never, m), "wait-any names the index");
            m.release();
            assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS));
            m.release();
        });
    }

    @Test
    void waitAll_reportsAnAbandonedMutexAsWaitAbandoned0() throws Exception {
        harness.run(() -> {
            Mutex m = new Mutex(false);
            harness.join(spawn("owner", () -> assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS))));
            Event on = Event.manualReset(true);
            assertEquals(WAIT_ABANDONED_0, Waits.waitAll(0, MILLISECONDS, on, m));
            assertTrue(m.isHeldByCurrentThread());
            m.release();
        });
    }

    // ---- wait-any, wait-all

    @Test
    void waitAny_takesTheLowestSignaledIndexOnly() throws Exception {
        harness.run(() -> {
            Event e0 = Event.autoReset(false);
            Event e1 = Event.autoReset(true);
            Event e2 = Event.autoReset(true);
            assertEquals(WAIT_OBJECT_0 + 1, Waits.waitAny(0, MILLISECONDS, e0, e1, e2));
            assertFalse(e1.isSignaled(), "the object that satisfied the wait was taken");
            assertTrue(e2.isSignaled(), "the others were not");
            assertEquals(WAIT_OBJECT_0 + 2, Waits.waitAny(0, MILLISECONDS, e0, e1, e2));
            assertEquals(WAIT_TIMEOUT, Waits.waitAny(0, MILLISECONDS, e0, e1, e2));
        });
    }

    @Test
    void waitAny_blockedIsSatisfiedByTheObjectThatIsSignaled() throws Exception {
        harness.run(() -> {
            Event e0 = Event.autoReset(false);
            Event e1 = Event.autoReset(false);
            Semaphore s = new Semaphore(0, 1);
            AtomicInteger r = new AtomicInteger(-1);
            // e1 twice: a wait-any may name an object more than once
            Thread t = spawn("w", () -> r.set(Waits.waitAny(LONG_MS, MILLISECONDS, e0, e1, s, e1)));
            harness.awaitUntil("it waits", () -> s.waitingThreads() == 1);
            s.release();
            harness.join(t);
            assertEquals(WAIT_OBJECT_0 + 2, r.get());
            assertEquals(0, s.currentCount());
            assertEquals(0, e1.waitingThreads(), "every wait block left its object");
            assertEquals(0, e0.waitingThreads());
        });
    }

    @Test
    void waitAll_holdsNothingWhileWaitingAndTakesAllAtOnce() throws Exception {
        harness.run(() -> {
            Semaphore s = new Semaphore(1, 1);
            Event e = Event.autoReset(false);
            AtomicInteger r = new AtomicInteger(-1);
            Thread t = spawn("all", () -> r.set(Waits.waitAll(LONG_MS, MILLISECONDS, s, e)));
            harness.awaitUntil("it waits", () -> e.waitingThreads() == 1);
            assertEquals(1, s.currentCount(), "no partial acquisition");
            assertEquals(WAIT_OBJECT_0, s.waitFor(0, MILLISECONDS), "another thread can still take the semaphore");
            e.set();
            assertEquals(1, e.waitingThreads(), "the event alone does not satisfy wait-all");
            assertTrue(e.isSignaled(), "and is not taken");
            s.release();
            harness.join(t);
            assertEquals(WAIT_OBJECT_0, r.get());
            assertEquals(0, s.currentCount(), "both were taken");
            assertFalse(e.isSignaled());
        });
    }

    @Test
    void waitAll_isNotSatisfiedByObjectsSignaledAtDifferentTimes() throws Exception {
        harness.run(() -> {
            Event a = Event.autoReset(false);
            Event b = Event.autoReset(false);
            AtomicInteger r = new AtomicInteger(-1);
            Thread t = spawn("all", () -> r.set(Waits.waitAll(LONG_MS, MILLISECONDS, a, b)));
            harness.awaitUntil("it waits", () -> a.waitingThreads() == 1);
            a.set();
            assertEquals(WAIT_OBJECT_0, a.waitFor(0, MILLISECONDS), "a is consumed by someone else");
            b.set();
            assertEquals(1, b.waitingThreads(), "b alone does not satisfy it");
            a.set();
            harness.join(t);
            assertEquals(WAIT_OBJECT_0, r.get());
            assertFalse(a.isSignaled());
            assertFalse(b.isSignaled());
        });
    }

    @Test
    void waitAll_overSixtyFourObjects() throws Exception {
        harness.run(() -> {
            Event[] events = new Event[Waits.MAXIMUM_WAIT_OBJECTS];
            for (int i = 0; i < events.length; i++) {
                events[i] = Event.manualReset(i != 40);
            }
            AtomicInteger r = new AtomicInteger(-1);
            Thread t = spawn("all", () -> r.set(Waits.waitAll(LONG_MS, MILLISECONDS, (KernelObject[]) events)));
            harness.awaitUntil("it waits", () -> events[40].waitingThreads() == 1);
            events[40].set();
            harness.join(t);
            assertEquals(WAIT_OBJECT_0, r.get());
        });
    }

    @Test
    void timeout_endsTheWaitAndLeavesTheObjectsAlone() throws Exception {
        harness.run(() -> {
            Event e = Event.autoReset(false);
            Semaphore s = new Semaphore(0, 1);
            AtomicInteger r = new AtomicInteger(-1);
            Thread t = spawn("timed", () -> r.set(Waits.waitAny(20, MILLISECONDS, e, s)));
            harness.join(t);
            assertEquals(WAIT_TIMEOUT, r.get());
            assertEquals(0, e.waitingThreads());
            e.set();
            assertTrue(e.isSignaled(), "the timed-out waiter takes nothing");
        });
    }

    // ---- waitable timers

    @Test
    void synchronizationTimer_releasesOneWaitAndResets() throws Exception {
        harness.run(() -> {
            WaitableTimer t = new WaitableTimer(false);
            assertEquals(WAIT_TIMEOUT, t.waitFor(0, MILLISECONDS), "a new timer is not signaled");
            t.set(Duration.ofMillis(5));
            assertEquals(WAIT_OBJECT_0, t.waitFor(LONG_MS, MILLISECONDS));
            assertEquals(WAIT_TIMEOUT, t.waitFor(0, MILLISECONDS), "the wait reset it");
        });
    }

    @Test
    void manualResetTimer_releasesEveryWaiterAndStaysSignaled() throws Exception {
        harness.run(() -> {
            WaitableTimer t = new WaitableTimer(true);
            AtomicInteger a = new AtomicInteger();
            AtomicInteger b = new AtomicInteger();
            Thread ta = waiter("a", t, a);
            Thread tb = waiter("b", t, b);
            harness.awaitUntil("both wait", () -> t.waitingThreads() == 2);
            t.set(Duration.ofMillis(5));
            harness.join(ta);
            harness.join(tb);
            assertEquals(WAIT_OBJECT_0, a.get());
            assertEquals(WAIT_OBJECT_0, b.get());
            assertEquals(WAIT_OBJECT_0, t.waitFor(0, MILLISECONDS));
            t.set(Duration.ofHours(1));
            assertEquals(WAIT_TIMEOUT, t.waitFor(0, MILLISECONDS), "setting makes it unsignaled");
            assertTrue(t.cancel());
        });
    }

    @Test
    void periodicTimer_firesAgainEachPeriod() throws Exception {
        harness.run(() -> {
            WaitableTimer t = new WaitableTimer(false);
            t.set(Duration.ZERO, Duration.ofMillis(2));
            for (int i = 0; i < 3; i++) {
                assertEquals(WAIT_OBJECT_0, t.waitFor(LONG_MS, MILLISECONDS), "firing " + i);
            }
            assertTrue(t.cancel(), "a periodic timer stays active");
            assertFalse(t.cancel());
        });
    }

    @Test
    void cancelledTimer_doesNotFire() throws Exception {
        harness.run(() -> {
            WaitableTimer t = new WaitableTimer(true);
            t.set(Duration.ofMillis(10));
            assertTrue(t.cancel());
            assertEquals(WAIT_TIMEOUT, t.waitFor(30, MILLISECONDS));
            assertFalse(t.cancel(), "nothing left to cancel");
        });
    }

    // ---- what waits tell the port

    @Test
    void r26_r27_eventWaitGivesUpTheSlotAndCountsAgainOverTheMaximum() throws Exception {
        assumeTrue(caps().seesLibraryWaits() && caps().countsActiveThreads(), "needs library waits and counts");
        harness.run(() -> {
            try (CompletionPort port = fixture.open(PortOptions.withConcurrency(1))) {
                Event go = Event.manualReset(false);
                AtomicInteger stage = new AtomicInteger();
                AtomicLong bKey = new AtomicLong(-1);
                port.post(1, 0, null);
                Thread a = spawn("a", () -> {
                    CompletionEntry e = new CompletionEntry();
                    assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, LONG_MS, MILLISECONDS));
                    stage.set(1);
                    while (stage.get() < 2) {
                        harness.busy(); // active, not blocked
                    }
                    assertEquals(WAIT_OBJECT_0, go.waitFor(LONG_MS, MILLISECONDS)); // R26
                    while (stage.get() < 3) {
                        harness.busy(); // R27: active again
                    }
                });
                harness.awaitUntil("a holds packet 1", () -> stage.get() == 1);
                Thread b = spawn("b", () -> {
                    CompletionEntry e = new CompletionEntry();
                    assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, LONG_MS, MILLISECONDS));
                    bKey.set(e.key());
                    while (stage.get() < 3) {
                        harness.busy();
                    }
                });
                harness.awaitUntil("b waits", () -> fixture.waitingThreads(port) == 1);
                port.post(2, 0, null);
                assertEquals(1, port.stats().queuedPackets(), "saturated: the packet waits (R23)");
                stage.set(2);
                harness.awaitUntil("b gets packet 2 while a waits on the event", () -> bKey.get() == 2);
                assertEquals(1, port.stats().activeThreads());
                go.set();
                harness.awaitUntil("a counts again, over the maximum (R27)", () -> port.stats().activeThreads() == 2);
                assertNull(fixture.invariantViolation(port));
                stage.set(3);
                harness.join(a);
                harness.join(b);
            }
        });
    }

    @Test
    void r23_r26_chenExample_spinnerBlocksOnKernelObjectAndTheOtherThreadGetsThePacket() throws Exception {
        assumeTrue(caps().enforcesConcurrency() && caps().seesLibraryWaits(), "needs concurrency and library waits");
        harness.run(() -> {
            try (CompletionPort port = fixture.open(PortOptions.withConcurrency(1))) {
                port.post(0, 1, null);
                port.post(0, 2, null);
                Event block = Event.manualReset(false);
                AtomicInteger spinning = new AtomicInteger();
                AtomicInteger release = new AtomicInteger();
                AtomicInteger secondBytes = new AtomicInteger();
                AtomicInteger order = new AtomicInteger();
                Body receiver = () -> {
                    CompletionEntry e = new CompletionEntry();
                    assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, LONG_MS, MILLISECONDS));
                    if (order.incrementAndGet() == 1) {
                        spinning.set(1);
                        while (release.get() == 0) {
                            harness.busy(); // Chen's hard spin: counted as active
                        }
                        assertEquals(WAIT_OBJECT_0, block.waitFor(LONG_MS, MILLISECONDS));
                    } else {
                        secondBytes.set(e.bytes());
                    }
                };
                Thread t1 = spawn("receiver-1", receiver);
                Thread t2 = spawn("receiver-2", receiver);
                harness.awaitUntil("one spins while the other waits beside a queued packet (R23)",
                        () -> spinning.get() == 1 && fixture.waitingThreads(port) == 1);
                assertEquals(1, port.stats().queuedPackets());
                assertEquals(0, secondBytes.get());
                release.set(1);
                harness.awaitUntil("the spinner blocks on the event and the other gets packet 2 (R26)",
                        () -> secondBytes.get() == 2);
                assertEquals(0, port.stats().queuedPackets());
                block.set();
                harness.join(t1);
                harness.join(t2);
            }
        });
    }

    @Test
    void r26_waitSatisfiedAtOnceTellsThePortNothing() throws Exception {
        assumeTrue(caps().seesLibraryWaits() && caps().countsActiveThreads(), "needs library waits and counts");
        harness.run(() -> {
            CompletionPort port = fixture.open(PortOptions.withConcurrency(1));
            try {
                Event open = Event.manualReset(true);
                AtomicInteger stage = new AtomicInteger();
                AtomicInteger queuedAfter = new AtomicInteger(-1);
                port.post(1, 0, null);
                Thread a = spawn("a", () -> {
                    assertEquals(DequeueStatus.COMPLETED, port.dequeue(new CompletionEntry(), LONG_MS, MILLISECONDS));
                    stage.set(1);
                    while (stage.get() < 2) {
                        harness.busy();
                    }
                    assertEquals(WAIT_OBJECT_0, open.waitFor(LONG_MS, MILLISECONDS)); // does not block
                    queuedAfter.set(port.stats().queuedPackets());
                    stage.set(3);
                });
                harness.awaitUntil("a holds packet 1", () -> stage.get() == 1);
                Thread b = spawn("b", () -> port.dequeue(new CompletionEntry(), LONG_MS, MILLISECONDS));
                harness.awaitUntil("b waits", () -> fixture.waitingThreads(port) == 1);
                port.post(2, 0, null);
                stage.set(2);
                harness.join(a);
                assertEquals(1, queuedAfter.get(), "a never blocked, so b was not released");
                assertNull(fixture.invariantViolation(port));
                port.close(); // b ends with the packet (a's end was seen, R29) or abandoned (R33)
                harness.join(b);
            } finally {
                port.close();
            }
        });
    }

    @Test
    void r26_sleepGivesUpTheSlot() throws Exception {
        // without the gate b gets packet 2 whether or not the sleep gave up a's slot
        assumeTrue(caps().enforcesConcurrency() && caps().seesLibraryWaits(), "needs concurrency and library waits");
        harness.run(() -> {
            try (CompletionPort port = fixture.open(PortOptions.withConcurrency(1))) {
                AtomicInteger stage = new AtomicInteger();
                AtomicLong bKey = new AtomicLong(-1);
                port.post(1, 0, null);
                Thread a = spawn("a", () -> {
                    assertEquals(DequeueStatus.COMPLETED, port.dequeue(new CompletionEntry(), LONG_MS, MILLISECONDS));
                    stage.set(1);
                    while (stage.get() < 2) {
                        harness.busy();
                    }
                    Sleep.sleep(Duration.ofMillis(1));
                });
                harness.awaitUntil("a holds packet 1", () -> stage.get() == 1);
                Thread b = spawn("b", () -> {
                    CompletionEntry e = new CompletionEntry();
                    assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, LONG_MS, MILLISECONDS));
                    bKey.set(e.key());
                });
                harness.awaitUntil("b waits", () -> fixture.waitingThreads(port) == 1);
                port.post(2, 0, null);
                stage.set(2);
                harness.join(a);
                harness.join(b);
                assertEquals(2, bKey.get(), "a's sleep released b to the queued packet");
            }
        });
    }
}
