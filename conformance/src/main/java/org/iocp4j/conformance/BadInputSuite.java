package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.iocp4j.Blocking;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.iocp4j.sync.Sleep;
import org.junit.jupiter.api.Test;

/**
 * Bad input: a negative concurrency or timeout, a null argument, a batch limit below 1 (R45), use
 * after close (R19, R36). Each gives a clear exception (or error code) that names the argument,
 * and leaves the port exactly as it was: no association moved (R30), no slot given up (R26), no
 * packet taken or lost.
 */
public abstract class BadInputSuite extends ConformanceSuite {

    /** For subclasses. */
    protected BadInputSuite() {}

    private static <T extends Throwable> T assertNames(T thrown, String argument) {
        assertNotNull(thrown.getMessage(), "the exception must say what is wrong");
        assertTrue(thrown.getMessage().contains(argument),
                "the message must name '" + argument + "': " + thrown.getMessage());
        return thrown;
    }

    /** A port with one queued packet (key 1). */
    private CompletionPort portWithAPacket() {
        CompletionPort port = open(1);
        port.post(1, 10, null);
        return port;
    }

    /** The port still holds its packet and nobody got associated by the bad call. */
    private static void assertUnchanged(CompletionPort port, PortStats before) {
        assertEquals(before, port.stats(), "the bad call changed the port");
        CompletionEntry e = new CompletionEntry();
        assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS), "the packet is still there");
        assertEquals(1, e.key());
    }

    @Test
    public void r1_negativeConcurrencyIsRejected() {
        assertNames(assertThrows(IllegalArgumentException.class, () -> PortOptions.withConcurrency(-1)), "concurrency");
        assertNames(assertThrows(IllegalArgumentException.class, () -> PortOptions.builder().concurrency(-5).build()),
                "concurrency");
    }

    @Test
    public void nonPositiveWatchdogPeriodIsRejected() {
        assertNames(assertThrows(IllegalArgumentException.class,
                () -> PortOptions.builder().watchdogPeriod(Duration.ZERO).build()), "watchdogPeriod");
        assertNames(assertThrows(NullPointerException.class,
                () -> PortOptions.builder().watchdogPeriod(null).build()), "watchdogPeriod");
    }

    @Test
    public void r39_negativeTimeoutIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            CompletionEntry e = new CompletionEntry();
            assertNames(assertThrows(IllegalArgumentException.class, () -> port.dequeue(e, -1, TimeUnit.MILLISECONDS)),
                    "timeout");
            assertFalse(e.hasPacket());
            assertUnchanged(port, before);
        }
    }

    @Test
    public void r39_negativeBatchTimeoutIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            assertNames(assertThrows(IllegalArgumentException.class,
                    () -> port.poll((k, b, o, e) -> { }, 4, -1, TimeUnit.MILLISECONDS)), "timeout");
            assertUnchanged(port, before);
        }
    }

    @Test
    public void nullEntryIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            assertNames(assertThrows(NullPointerException.class, () -> port.dequeue(null, 0, TimeUnit.MILLISECONDS)),
                    "into");
            assertNames(assertThrows(NullPointerException.class, () -> port.dequeue(null)), "into");
            assertUnchanged(port, before);
        }
    }

    @Test
    public void nullUnitIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            assertNames(assertThrows(NullPointerException.class, () -> port.dequeue(new CompletionEntry(), 0, null)),
                    "unit");
            assertNames(assertThrows(NullPointerException.class, () -> port.poll((k, b, o, e) -> { }, 1, 0, null)),
                    "unit");
            assertUnchanged(port, before);
        }
    }

    @Test
    public void nullHandlerIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            assertNames(assertThrows(NullPointerException.class, () -> port.poll(null, 1, 0, TimeUnit.MILLISECONDS)),
                    "handler");
            assertNames(assertThrows(NullPointerException.class, () -> port.poll(null, 1)), "handler");
            assertUnchanged(port, before);
        }
    }

    @Test
    public void r45_limitZeroIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            assertNames(assertThrows(IllegalArgumentException.class,
                    () -> port.poll((k, b, o, e) -> { }, 0, 0, TimeUnit.MILLISECONDS)), "limit");
            assertUnchanged(port, before);
        }
    }

    @Test
    public void r45_negativeLimitIsRejectedAndChangesNothing() {
        try (CompletionPort port = portWithAPacket()) {
            PortStats before = port.stats();
            assertNames(assertThrows(IllegalArgumentException.class, () -> port.poll((k, b, o, e) -> { }, -1)),
                    "limit");
            assertUnchanged(port, before);
        }
    }

    @Test
    public void r45_chen_badBatchLimitFromTheActiveThreadKeepsItsSlot() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port()) {
            chen.stopSpinning();
            PortStats before = port.stats();
            assertNames(assertInstanceOf(IllegalArgumentException.class, chen.a().poll(port, 0, 0).thrown()), "limit");
            assertEquals(before, port.stats(), "A did not give up its slot (step 1b) for a call that was rejected");
            assertFalse(chen.bWaits().isDone(), "so B still sleeps");
            assertBlockingReleasesB(chen);
        }
    }

    @Test
    public void r39_chen_negativeTimeoutFromTheActiveThreadKeepsItsSlot() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port()) {
            chen.stopSpinning();
            PortStats before = port.stats();
            assertNames(assertInstanceOf(IllegalArgumentException.class, chen.a().dequeue(port, -1).thrown()),
                    "timeout");
            assertEquals(before, port.stats());
            assertFalse(chen.bWaits().isDone());
            assertBlockingReleasesB(chen);
        }
    }

    @Test
    public void r30_chen_badCallOnAnotherPortDoesNotMoveTheAssociation() {
        ChenExample chen = chenExample();
        assumeSeesLibraryWaits();
        try (CompletionPort port = chen.port(); CompletionPort other = open(1)) {
            chen.stopSpinning();
            PortStats before = port.stats();
            assertNames(assertInstanceOf(IllegalArgumentException.class, chen.a().dequeue(other, -1).thrown()),
                    "timeout");
            assertEquals(before, port.stats(), "A is still associated with the port and active on it");
            assertEquals(0, associated(other));
            assertFalse(chen.bWaits().isDone());
            assertBlockingReleasesB(chen);
        }
    }

    /** A still holds the port's one slot: when it blocks, B gets packet 2 (R26). */
    private static void assertBlockingReleasesB(ChenExample chen) {
        Call blocked = chen.a().block();
        assertEquals(2, chen.bWaits().key());
        chen.a().release();
        blocked.await();
    }

    @Test
    public void r19_postAfterCloseSaysTheHandleIsInvalid() {
        CompletionPort port = open(1);
        port.close();
        PortClosedException e = assertThrows(PortClosedException.class, () -> port.post(1, 0, null));
        assertNames(e, "closed");
        assertEquals(6, e.win32Error(), "ERROR_INVALID_HANDLE (R19)");
    }

    @Test
    public void r36_callsAfterCloseReturnInvalidHandle() {
        CompletionPort port = open(1);
        port.close();
        assertEquals(DequeueStatus.INVALID_HANDLE, port.dequeue(new CompletionEntry(), 0, TimeUnit.MILLISECONDS));
        assertEquals(DequeueStatus.INVALID_HANDLE, port.poll((k, b, o, e) -> { }, 1, 0, TimeUnit.MILLISECONDS));
    }

    @Test
    public void nullBlockingActionIsRejected() {
        assertNames(assertThrows(NullPointerException.class, () -> Blocking.run(null)), "action");
        assertNames(assertThrows(NullPointerException.class, () -> Blocking.call(null)), "action");
    }

    @Test
    public void r26_negativeSleepIsRejectedAndKeepsTheSlot() {
        assumeCountsActiveThreads();
        try (CompletionPort port = open(1)) {
            ScriptedThread a = thread("A");
            port.post(1, 0, null);
            a.dequeue(port).await();
            assertNames(assertInstanceOf(IllegalArgumentException.class,
                    a.run("Sleep.sleep(-1 ms)", () -> Sleep.sleep(Duration.ofMillis(-1))).thrown()), "duration");
            assertNames(assertInstanceOf(NullPointerException.class,
                    a.run("Sleep.sleep(null)", () -> Sleep.sleep(null)).thrown()), "duration");
            assertEquals(1, active(port), "A's slot is untouched");
        }
    }

    @Test
    public void unknownBackendIsRejected() {
        assertNames(assertThrows(IllegalArgumentException.class,
                () -> CompletionPorts.open("no-such-backend", PortOptions.withConcurrency(1))),
                "no-such-backend");
        assertNames(assertThrows(NullPointerException.class,
                () -> CompletionPorts.open(null, PortOptions.withConcurrency(1))), "backend");
    }
}
