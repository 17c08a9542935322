package org.iocp4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;
import org.iocp4j.PortOptions;
import org.junit.jupiter.api.Test;

/**
 * A post racing a close on two threads while a thread waits (R15, R37): the kernel hands a packet
 * posted to a waiting thread straight to it, so a post that returned normally has given the waiter
 * its packet, whatever the close does next. The engine appends and then hands on; a close that
 * comes in between must finish the hand-off (close's loop), or the waiter is abandoned although
 * the post succeeded. The window is a few instructions wide, hence many rounds on real threads;
 * no single-threaded post-then-close (the CloseSuite tests) can reach it.
 */
class CloseRaceStressTest {
    private static final int ROUNDS = 5_000;

    @Test
    void r37_aPostThatReturnedReachesTheWaiterEvenIfACloseRacesIt() throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        int delivered = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            CompletionPort port = CompletionPorts.open("java", PortOptions.withConcurrency(1));
            AtomicReference<DequeueStatus> got = new AtomicReference<>();
            Thread waiter = Thread.ofPlatform().start(() -> got.set(port.dequeue(new CompletionEntry())));
            EmulatedCompletionPort engine = (EmulatedCompletionPort) port;
            while (engine.stats().waitingThreads() == 0 && waiter.isAlive()) {
                Thread.onSpinWait(); // until it waits: the race is the post's hand-off against the close
            }
            AtomicBoolean posted = new AtomicBoolean();
            Thread closer = Thread.ofPlatform().start(() -> {
                await(start);
                port.close();
            });
            await(start);
            try {
                port.post(1, 0, "packet");
                posted.set(true);
            } catch (PortClosedException e) {
                // the close came first: nothing was posted
            }
            closer.join();
            waiter.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(!waiter.isAlive(), "round " + round + ": the waiter was never released");
            if (posted.get()) {
                assertEquals(DequeueStatus.COMPLETED, got.get(), "round " + round
                        + ": the post returned, so its packet was the waiter's (R15, R37), not ABANDONED");
                delivered++;
            } else {
                assertEquals(DequeueStatus.ABANDONED, got.get(), "round " + round);
                refused++;
            }
        }
        assertTrue(delivered > 0 && refused > 0, "both orders happened: " + delivered + " delivered, " + refused
                + " refused");
    }

    private static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
