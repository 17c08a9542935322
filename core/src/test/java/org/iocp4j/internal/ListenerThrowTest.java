package org.iocp4j.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/**
 * A PortListener that throws (a bug in it) gets its exception back from the port call that raised
 * the event, but only after the call finished what it changed: nothing is stranded half way.
 */
class ListenerThrowTest {
    private static final RuntimeException BOOM = new IllegalStateException("listener bug");

    private static CompletionPort portThrowingAt(PortEvent at) {
        return CompletionPorts.open("java", PortOptions.builder().concurrency(1).listener((event, thread, key, a, q) -> {
            if (event == at) {
                throw BOOM;
            }
        }).build());
    }

    /** R15: the waiter is handed the packet and woken although the listener threw at HANDOFF. */
    @Test
    void r15_aThrowAtHandOffStillWakesTheWaiterWithItsPacket() throws Exception {
        try (CompletionPort port = portThrowingAt(PortEvent.HANDOFF)) {
            CompletionEntry e = new CompletionEntry();
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread waiter = new Thread(() -> got.set(port.dequeue(e, CompletionPort.INFINITE, TimeUnit.MILLISECONDS)));
            waiter.start();
            await().until(() -> port.stats().waitingThreads() == 1);

            assertSame(BOOM, assertThrows(IllegalStateException.class, () -> port.post(5, 0, null)));

            waiter.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(waiter.isAlive(), "the waiter was left waiting after the hand-off");
            assertEquals(DequeueStatus.COMPLETED, got.get());
            assertEquals(5, e.key());
            assertNull(((EmulatedCompletionPort) port).invariantViolation());
        }
    }

    /** A throw at WAIT ends the wait (the thread does not sleep with the failure) and is thrown. */
    @Test
    void r40_aThrowAtWaitEndsTheWaitAndIsThrown() {
        try (CompletionPort port = portThrowingAt(PortEvent.WAIT)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertSame(BOOM, assertThrows(
                    IllegalStateException.class, () -> port.dequeue(new CompletionEntry(), CompletionPort.INFINITE,
                            TimeUnit.MILLISECONDS))));
            assertEquals(0, port.stats().waitingThreads());
            assertEquals(1, port.stats().activeThreads(), "the wait ended as a timeout ends: counted again");
            assertNull(((EmulatedCompletionPort) port).invariantViolation());
        }
    }

    /** R16: a throw at QUEUE leaves the packet queued; the next call on the thread is unaffected. */
    @Test
    void r16_aThrowAtQueueLeavesThePacketQueued() {
        try (CompletionPort port = portThrowingAt(PortEvent.QUEUE)) {
            assertSame(BOOM, assertThrows(IllegalStateException.class, () -> port.post(9, 1, null)));
            CompletionEntry e = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
            assertEquals(9, e.key());
            assertEquals(0, port.stats().queuedPackets());
        }
    }
}
