package org.iocp4j.internal.io;

import static org.iocp4j.Win32Error.ERROR_IO_PENDING;
import static org.iocp4j.Win32Error.ERROR_SUCCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * A PortListener that throws while a handle queues its packets gets its exception back from the
 * handle's call, once the call has finished everything it changes: no operation stranded, the
 * handle released (as the port itself does, ListenerThrowTest).
 */
class IoListenerThrowTest {
    private static final RuntimeException BOOM = new IllegalStateException("listener bug");

    private static CompletionPort portThrowingAt(PortEvent at) {
        return CompletionPorts.open("java", PortOptions.builder().concurrency(1).listener((event, thread, key, a, q) -> {
            if (event == at) {
                throw BOOM;
            }
        }).build());
    }

    @Test
    void r71_aThrowWhileCloseQueuesItsPacketsStillCompletesEveryOperationAndReleasesTheHandle() {
        try (CompletionPort port = portThrowingAt(PortEvent.QUEUE)) {
            FakeIoHandle h = new FakeIoHandle();
            h.associate(port, 4);
            Overlapped r1 = new Overlapped();
            Overlapped r2 = new Overlapped();
            assertEquals(ERROR_IO_PENDING, h.read(8, r1));
            assertEquals(ERROR_IO_PENDING, h.read(8, r2));
            assertSame(BOOM, assertThrows(IllegalStateException.class, h::close));
            assertTrue(h.released, "the handle was released although the listener threw");
            assertFalse(h.hasPendingIo());
            CompletionEntry e = new CompletionEntry();
            for (Overlapped ov : new Overlapped[] {r1, r2}) {
                assertEquals(DequeueStatus.FAILED, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
                assertSame(ov, e.overlapped(), "one packet each, in order");
                assertFalse(ov.isInFlight());
            }
            assertEquals(DequeueStatus.TIMEOUT, port.dequeue(e, 0, TimeUnit.MILLISECONDS));
        }
    }

    /** R67: a throw when the packet is dequeued still frees the Overlapped it carries. */
    @Test
    void r67_aThrowAtDequeueStillFreesThePacketsOverlapped() {
        try (CompletionPort port = portThrowingAt(PortEvent.DEQUEUE)) {
            FakeIoHandle h = new FakeIoHandle();
            h.associate(port, 4);
            h.readable = 3;
            Overlapped r = new Overlapped();
            assertEquals(ERROR_SUCCESS, h.read(8, r)); // done at once: its packet is queued
            assertTrue(r.isInFlight());
            CompletionEntry e = new CompletionEntry();
            assertSame(BOOM, assertThrows(IllegalStateException.class, () -> port.dequeue(e, 0, TimeUnit.MILLISECONDS)));
            assertSame(r, e.overlapped(), "the packet was taken");
            assertFalse(r.isInFlight(), "free to issue again");
            h.close();
        }
    }
}
