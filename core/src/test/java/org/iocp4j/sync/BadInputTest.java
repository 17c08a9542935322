package org.iocp4j.sync;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.iocp4j.sync.Waits.WAIT_OBJECT_0;
import static org.iocp4j.sync.Waits.WAIT_TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.Win32Error;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear exception naming the argument, and leaves every object as it was. */
class BadInputTest {

    private static void assertMessageHas(Throwable t, String... parts) {
        for (String p : parts) {
            assertTrue(t.getMessage().contains(p), "message '" + t.getMessage() + "' should name " + p);
        }
    }

    @Test
    void mutexReleasedByANonOwner_isErrorNotOwnerAndTheOwnerKeepsIt() throws Exception {
        Mutex m = new Mutex(false);
        KernelObjectException free = assertThrows(KernelObjectException.class, m::release);
        assertEquals(Win32Error.ERROR_NOT_OWNER, free.error());
        assertMessageHas(free, "ERROR_NOT_OWNER", "does not own");

        AtomicReference<Throwable> other = new AtomicReference<>();
        assertEquals(WAIT_OBJECT_0, m.waitFor(0, MILLISECONDS));
        Thread t = new Thread(() -> {
            try {
                m.release();
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.start();
        t.join();
        assertEquals(Win32Error.ERROR_NOT_OWNER, ((KernelObjectException) other.get()).error());
        assertTrue(m.isHeldByCurrentThread(), "the owner still owns it");
        m.release();
        assertThrows(KernelObjectException.class, m::release, "one release too many");
    }

    @Test
    void semaphoreReleasedBeyondItsMaximum_isErrorTooManyPostsAndTheCountIsUnchanged() {
        Semaphore s = new Semaphore(2, 3);
        KernelObjectException e = assertThrows(KernelObjectException.class, () -> s.release(2));
        assertEquals(Win32Error.ERROR_TOO_MANY_POSTS, e.error());
        assertMessageHas(e, "ERROR_TOO_MANY_POSTS", "releaseCount", "maximum 3");
        assertEquals(2, s.currentCount());
        assertEquals(2, s.release(1));
        assertThrows(KernelObjectException.class, s::release);
        assertEquals(3, s.currentCount());
    }

    @Test
    void semaphoreArguments() {
        assertMessageHas(assertThrows(IllegalArgumentException.class, () -> new Semaphore(0, 0)), "maximumCount");
        assertMessageHas(assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1, 2)), "initialCount");
        assertMessageHas(assertThrows(IllegalArgumentException.class, () -> new Semaphore(3, 2)), "initialCount");
        Semaphore s = new Semaphore(1, 2);
        assertMessageHas(assertThrows(IllegalArgumentException.class, () -> s.release(0)), "releaseCount");
        assertEquals(1, s.currentCount());
    }

    @Test
    void moreThanSixtyFourObjects() {
        Event[] events = new Event[Waits.MAXIMUM_WAIT_OBJECTS + 1];
        for (int i = 0; i < events.length; i++) {
            events[i] = Event.autoReset(true);
        }
        IllegalArgumentException any = assertThrows(IllegalArgumentException.class,
                () -> Waits.waitAny(0, MILLISECONDS, (KernelObject[]) events));
        assertMessageHas(any, "objects", "64", "65");
        assertThrows(IllegalArgumentException.class, () -> Waits.waitAll(0, MILLISECONDS, (KernelObject[]) events));
        for (Event e : events) {
            assertTrue(e.isSignaled(), "nothing was taken");
        }
    }

    @Test
    void nullAndEmptyArrays() {
        assertMessageHas(assertThrows(NullPointerException.class,
                () -> Waits.waitAny(0, MILLISECONDS, (KernelObject[]) null)), "objects");
        assertMessageHas(assertThrows(IllegalArgumentException.class,
                () -> Waits.waitAll(0, MILLISECONDS)), "objects", "got 0");
        Event e = Event.autoReset(true);
        assertMessageHas(assertThrows(NullPointerException.class,
                () -> Waits.waitAny(0, MILLISECONDS, e, null)), "objects[1]");
        assertTrue(e.isSignaled(), "nothing was taken");
        assertThrows(NullPointerException.class, () -> Waits.waitOne(null, 0, MILLISECONDS));
    }

    @Test
    void duplicatesInWaitAll_areRejectedButAllowedInWaitAny() throws Exception {
        Semaphore s = new Semaphore(2, 2);
        Event e = Event.manualReset(true);
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> Waits.waitAll(0, MILLISECONDS, s, e, s));
        assertMessageHas(dup, "objects[0]", "objects[2]", "ERROR_INVALID_PARAMETER");
        assertEquals(2, s.currentCount(), "nothing was taken");
        assertEquals(WAIT_OBJECT_0, Waits.waitAny(0, MILLISECONDS, s, s));
        assertEquals(1, s.currentCount(), "wait-any takes one object once");
    }

    @Test
    void negativeTimeoutsAndDurations() {
        Event e = Event.autoReset(true);
        assertMessageHas(assertThrows(IllegalArgumentException.class, () -> e.waitFor(-1, MILLISECONDS)), "timeout");
        assertThrows(IllegalArgumentException.class, () -> Waits.waitAny(-5, MILLISECONDS, e));
        assertThrows(IllegalArgumentException.class, () -> Waits.waitAll(-5, MILLISECONDS, e));
        assertThrows(NullPointerException.class, () -> e.waitFor(0, null));
        assertTrue(e.isSignaled(), "nothing was taken");
        assertThrows(IllegalArgumentException.class, () -> Sleep.sleep(Duration.ofMillis(-1)));
        WaitableTimer t = new WaitableTimer(true);
        assertMessageHas(assertThrows(IllegalArgumentException.class, () -> t.set(Duration.ofMillis(-1))), "dueIn");
        assertMessageHas(assertThrows(IllegalArgumentException.class,
                () -> t.set(Duration.ZERO, Duration.ofMillis(-1))), "period");
        assertFalse(t.cancel(), "the timer was not started");
    }

    @Test
    void resultsReadAsWindowsNamesThem() {
        assertEquals("WAIT_OBJECT_0+3", Waits.describe(3));
        assertEquals("WAIT_ABANDONED_0", Waits.describe(Waits.WAIT_ABANDONED_0));
        assertEquals("WAIT_TIMEOUT", Waits.describe(WAIT_TIMEOUT));
        assertEquals(5, Waits.index(Waits.WAIT_ABANDONED_0 + 5));
        assertEquals(-1, Waits.index(WAIT_TIMEOUT));
        assertTrue(Waits.isAbandoned(Waits.WAIT_ABANDONED_0 + 63));
        assertFalse(Waits.isAbandoned(63));
    }
}
