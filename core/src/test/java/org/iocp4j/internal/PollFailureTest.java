package org.iocp4j.internal;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.iocp4j.CompletionEntry;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/**
 * A poll that fails (a backend's bug, or an Error such as OutOfMemoryError) ends its waiter's
 * wait as a timeout would and is thrown: the thread does not stay among the waiters, where it
 * would be handed the next packet although nobody waits for it any more.
 */
class PollFailureTest {
    private static final Error BOOM = new StackOverflowError("poll failed");

    @Test
    void aFailingPollLeavesTheWaitersAndTheNextPacketIsQueued() {
        try (EmulatedCompletionPort port = new EmulatedCompletionPort("test", EmulatedPortProvider.CAPABILITIES,
                PortOptions.withConcurrency(1), RealSeam.INSTANCE)) {
            port.pollWith(new WaitPoller() {
                @Override
                public boolean pollWhileWaiting(ThreadRecord waiter, long deadlineNanos) {
                    throw BOOM;
                }

                @Override
                public void wakeup(ThreadRecord waiter) {
                    // nothing polls
                }

                @Override
                public void waitEnded(ThreadRecord waiter) {
                    // nothing to forget
                }
            });
            CompletionEntry e = new CompletionEntry();
            assertSame(BOOM, assertThrows(StackOverflowError.class, () -> port.dequeue(e, 10_000, MILLISECONDS)));
            assertEquals(0, port.stats().waitingThreads(), "the thread left the waiters");
            port.post(7, 0, null);
            assertEquals(1, port.stats().queuedPackets(), "queued, not handed to the thread that left");
            assertEquals(DequeueStatus.COMPLETED, port.dequeue(e, 0, MILLISECONDS));
            assertEquals(7, e.key());
            assertEquals(null, port.invariantViolation());
        }
    }
}
