package org.iocp4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batch removal, GetQueuedCompletionStatusEx (spec 1.11). */
class WindowsBatchTest {

    @BeforeEach
    void needsWindows() {
        OnWindows.assumeAvailable();
    }

    @Test
    void r43_r48_pollTakesWhatIsQueuedUpToTheLimitInFifoOrder() {
        try (CompletionPort port = OnWindows.open(1)) {
            for (int i = 0; i < 5; i++) {
                port.post(i, 100 + i, "p" + i);
            }
            List<String> got = new ArrayList<>();
            assertEquals(DequeueStatus.COMPLETED, port.poll((k, b, ov, err) -> got.add(k + "/" + b + "/" + ov + "/" + err),
                    3, 0, TimeUnit.MILLISECONDS));
            assertEquals(List.of("0/100/p0/0", "1/101/p1/0", "2/102/p2/0"), got);
            got.clear();
            assertEquals(DequeueStatus.COMPLETED, port.poll((k, b, ov, err) -> got.add(k + "/" + ov), 10, 0,
                    TimeUnit.MILLISECONDS));
            assertEquals(List.of("3/p3", "4/p4"), got, "R47: takes what is there without waiting to fill the batch");
        }
    }

    @Test
    void r47_aWaitingPollReturnsWithTheFirstPacket() {
        try (CompletionPort port = OnWindows.open(1)) {
            List<Object> got = new ArrayList<>();
            AtomicReference<DequeueStatus> status = new AtomicReference<>();
            Thread t = OnWindows.start("poller", () -> status.set(port.poll((k, b, ov, err) -> got.add(ov), 16)));
            OnWindows.awaitWaiting(t);
            port.post(1, 1, "only");
            OnWindows.awaitEnd(t);
            assertEquals(DequeueStatus.COMPLETED, status.get());
            assertEquals(List.of("only"), got);
        }
    }

    @Test
    void r45_aPollThatTimesOutCallsNoHandler() {
        try (CompletionPort port = OnWindows.open(1)) {
            List<Object> got = new ArrayList<>();
            assertEquals(DequeueStatus.TIMEOUT, port.poll((k, b, ov, err) -> got.add(ov), 4, 10, TimeUnit.MILLISECONDS));
            assertEquals(List.of(), got);
        }
    }

    @Test
    void r45_aLimitBelowOneIsRefusedAndThePortIsUntouched() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(1, 2, "kept");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> port.poll((k, b, ov, err) -> { }, 0, 0, TimeUnit.MILLISECONDS));
            assertEquals("limit must be >= 1 (ERROR_INVALID_PARAMETER, R45), got 0", e.getMessage());
            CompletionEntry entry = new CompletionEntry();
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(entry, 0, TimeUnit.MILLISECONDS));
            assertEquals("kept", entry.overlapped());
        }
    }

    @Test
    void r44_aThrowingHandlerDoesNotLoseTheRestOfTheBatch() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(1, 0, "a");
            port.post(2, 0, "b");
            port.post(3, 0, "c");
            List<Object> got = new ArrayList<>();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> port.poll((k, b, ov, err) -> {
                got.add(ov);
                if (k != 3) {
                    throw new IllegalStateException("handler " + k);
                }
            }, 8, 0, TimeUnit.MILLISECONDS));
            assertEquals("handler 1", e.getMessage());
            assertEquals("handler 2", e.getSuppressed()[0].getMessage());
            assertEquals(List.of("a", "b", "c"), got);
            assertEquals(0, ((WindowsCompletionPort) port).slotsInUse());
        }
    }

    @Test
    void aHandlerMayDequeueAgainOnTheSameThread() {
        try (CompletionPort port = OnWindows.open(1)) {
            port.post(1, 0, "outer");
            port.post(2, 0, "inner");
            List<Object> got = new ArrayList<>();
            port.poll((k, b, ov, err) -> {
                got.add(ov);
                CompletionEntry e = new CompletionEntry();
                if (port.dequeue(e, 0, TimeUnit.MILLISECONDS) == DequeueStatus.COMPLETED) {
                    got.add(e.overlapped());
                }
            }, 1, 0, TimeUnit.MILLISECONDS);
            assertEquals(List.of("outer", "inner"), got);
        }
    }

    @Test
    void aLargeBatchIsTakenInKernelSizedPieces() {
        try (CompletionPort port = OnWindows.open(1)) {
            int n = WindowsThread.MAX_BATCH + 5;
            Object[] posted = new Object[n];
            for (int i = 0; i < n; i++) {
                posted[i] = new Object();
                port.post(i, 0, posted[i]);
            }
            List<Object> got = new ArrayList<>();
            while (port.poll((k, b, ov, err) -> got.add(ov), Integer.MAX_VALUE, 0, TimeUnit.MILLISECONDS)
                    == DequeueStatus.COMPLETED) {
                // drain
            }
            assertEquals(n, got.size());
            for (int i = 0; i < n; i++) {
                assertSame(posted[i], got.get(i));
            }
        }
    }
}
