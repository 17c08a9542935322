package org.iocp4j.unix.suite;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.CompletionEntry;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoHandle;
import org.iocp4j.io.Overlapped;
import org.junit.jupiter.api.Test;

/**
 * A readiness backend's poller: a thread waiting in a dequeue polls the backend itself instead of
 * parking, the most recent waiter takes the poll over, and the backstop completes I/O while no
 * thread waits. The rules (R14, R15, R39, R40) hold as for any waiter.
 */
public abstract class PollerSuite extends IoSuiteSupport {
    private static final int MESSAGES = 20;

    /** A waiter that dequeues one packet on its own thread. */
    private CompletableFuture<CompletionEntry> waiter(String name) {
        CompletableFuture<CompletionEntry> got = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            CompletionEntry e = new CompletionEntry();
            DequeueStatus s = port.dequeue(e, PATIENCE_SECONDS, SECONDS);
            if (s.hasPacket()) {
                got.complete(e);
            } else {
                got.completeExceptionally(new AssertionError(name + ": " + s));
            }
        }, name);
        t.start();
        return got;
    }

    private void awaitWaiters(int n) {
        await().pollInterval(1, MILLISECONDS).atMost(PATIENCE_SECONDS, SECONDS)
                .until(() -> port.stats().waitingThreads() == n);
    }

    /** A connected pair whose client's writes, which succeed at once, queue no packet (R56). */
    private AsyncSocket[] quietPair() throws Exception {
        AsyncSocket[] pair = connectedPair(1, 2);
        pair[0].setCompletionNotificationModes(IoHandle.SKIP_COMPLETION_PORT_ON_SUCCESS);
        return pair;
    }

    private static Overlapped pendingRead(AsyncSocket s) {
        Overlapped read = new Overlapped();
        assertEquals(Win32Error.ERROR_IO_PENDING, s.read(ByteBuffer.allocateDirect(8), read));
        return read;
    }

    private static ByteBuffer message() {
        return ByteBuffer.allocateDirect(8).putLong(0, 42);
    }

    @Test
    public void r15_aWaitersOwnPollHandsItTheReadCompletion() throws Exception {
        AtomicInteger ownHandOffs = new AtomicInteger();
        port.close(); // this test thread, which sets up the pair through the port, counts as active: 2 slots

        port = backend().open(PortOptions.builder().concurrency(2).listener((event, thread, key, active, queued) -> {
            if (event == PortEvent.HANDOFF && thread == Thread.currentThread()) {
                ownHandOffs.incrementAndGet(); // the waiter's own poll produced its packet
            }
        }).build());
        io = port.io();
        AsyncSocket[] pair = quietPair();
        BlockingQueue<Object> got = new LinkedBlockingQueue<>();
        Thread waiter = new Thread(() -> {
            CompletionEntry e = new CompletionEntry();
            for (int i = 0; i < MESSAGES && port.dequeue(e, PATIENCE_SECONDS, SECONDS).hasPacket(); i++) {
                got.add(e.overlapped());
            }
        }, "waiter");
        waiter.start();
        for (int i = 0; i < MESSAGES; i++) {
            Overlapped read = pendingRead(pair[1]);
            awaitWaiters(1);
            assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
            assertSame(read, got.poll(PATIENCE_SECONDS, SECONDS));
            assertEquals(8, read.bytesTransferred());
        }
        // Only a backstop that took the poll in a gap would hand a packet over from its thread.
        assertTrue(ownHandOffs.get() >= MESSAGES / 2,
                ownHandOffs.get() + " of " + MESSAGES + " reads were handed over by the waiter's own poll");
    }

    @Test
    public void r14_theMostRecentWaiterGetsTheCompletionWhileAnotherPolled() throws Exception {
        CompletableFuture<CompletionEntry> older = newerWaiterTakesARead(quietPair());
        assertFalse(older.isDone());
        port.post(9, 0, null); // release the older waiter
        assertEquals(9, older.get(PATIENCE_SECONDS, SECONDS).key());
    }

    /**
     * An older waiter, then a newer one, which polls (the older gave the poll up to it); a read
     * completes and goes to the newer (R14), whose thread then ends. Returns the older, waiting.
     */
    private CompletableFuture<CompletionEntry> newerWaiterTakesARead(AsyncSocket[] pair) throws Exception {
        Overlapped read = pendingRead(pair[1]);
        CompletableFuture<CompletionEntry> older = waiter("older");
        awaitWaiters(1);
        CompletableFuture<CompletionEntry> newer = waiter("newer");
        awaitWaiters(2);
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
        assertSame(read, newer.get(PATIENCE_SECONDS, SECONDS).overlapped(), "LIFO: the most recent waiter");
        return older;
    }

    /**
     * The older waiter gave the poll to the most recent one (R14), which then left with a packet
     * and stays away (its thread ends here): nobody polls, yet a completion for the older waiter
     * still comes, as the kernel would deliver it, because the backstop takes the free poll.
     */
    @Test
    public void r14_anOlderWaiterGetsACompletionWhileTheWaiterThatPolledIsAway() throws Exception {
        AsyncSocket[] pair = quietPair();
        CompletableFuture<CompletionEntry> older = newerWaiterTakesARead(pair);
        awaitWaiters(1);
        Overlapped secondRead = pendingRead(pair[1]);
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
        assertSame(secondRead, older.get(PATIENCE_SECONDS, SECONDS).overlapped(), "the older waiter, through the backstop");
    }

    @Test
    public void aVirtualThreadWaiterParksAndTheBackstopCompletesItsRead() throws Exception {
        AsyncSocket[] pair = quietPair();
        Overlapped read = pendingRead(pair[1]);
        CompletableFuture<Object> got = new CompletableFuture<>();
        Thread.ofVirtual().name("virtual-waiter").start(() -> {
            CompletionEntry e = new CompletionEntry();
            port.dequeue(e, PATIENCE_SECONDS, SECONDS);
            got.complete(e.overlapped());
        });
        awaitWaiters(1);
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
        assertSame(read, got.get(PATIENCE_SECONDS, SECONDS));
    }

    @Test
    public void anInterruptedPollingWaiterReturnsInterrupted() throws Exception {
        socket(); // the port's io() is in use: its waiters poll
        CompletableFuture<DequeueStatus> status = new CompletableFuture<>();
        Thread t = new Thread(() -> status.complete(port.dequeue(new CompletionEntry())), "interrupted");
        t.start();
        awaitWaiters(1);
        // Blocked in the backend's poll (a native call with no timeout): only the interrupt hook
        // can wake it, so without one this dequeue would never return.
        await().pollInterval(1, MILLISECONDS).atMost(PATIENCE_SECONDS, SECONDS).until(() -> inNativeCall(t));
        t.interrupt();
        assertEquals(DequeueStatus.INTERRUPTED, status.get(PATIENCE_SECONDS, SECONDS));
    }

    private static boolean inNativeCall(Thread t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod();
    }

    @Test
    public void r40_aTimedPollingWaitTimesOut() throws Exception {
        socket();
        assertEquals(DequeueStatus.TIMEOUT, port.dequeue(entry, 20, MILLISECONDS));
        assertEquals(DequeueStatus.TIMEOUT, port.dequeue(entry, 0, MILLISECONDS)); // R39
    }

    @Test
    public void theBackstopCompletesIoWhileNoThreadWaits() throws Exception {
        AsyncSocket[] pair = quietPair();
        Overlapped read = pendingRead(pair[1]);
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
        await().atMost(PATIENCE_SECONDS, SECONDS).until(() -> port.stats().queuedPackets() == 1);
        assertEquals(8, read.bytesTransferred(), "completed with nobody waiting: the packet is queued");
        assertTrue(read.isInFlight(), "in flight until its packet is dequeued (R67)");
        expectPacket(read, 0, 8);
        assertFalse(read.isInFlight());
    }

    /**
     * A waiter that keeps the poll idle lets the backstop sleep: a patrolling one with no timeout,
     * one with an alarm on its alarm, which no release sets while the waiter keeps the poll (an
     * idle server pays no patrols); when that waiter leaves with a packet the backstop wakes (the
     * release unparks it, or sets its alarm), so I/O still completes while no thread waits.
     */
    @Test
    public void theBackstopSleepsWhileAWaiterKeepsThePollIdleAndWakesWhenItLeaves() throws Exception {
        AsyncSocket[] pair = quietPair();
        Overlapped first = pendingRead(pair[1]);
        CompletableFuture<CompletionEntry> idle = waiter("idle");
        awaitWaiters(1);
        await().pollInterval(1, MILLISECONDS).atMost(PATIENCE_SECONDS, SECONDS).until(this::aBackstopSleeps);
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
        assertSame(first, idle.get(PATIENCE_SECONDS, SECONDS).overlapped(), "the waiter's own poll");
        Overlapped second = pendingRead(pair[1]); // nobody waits now: only the backstop can complete it
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(message(), new Overlapped()));
        await().atMost(PATIENCE_SECONDS, SECONDS).until(() -> port.stats().queuedPackets() == 1);
        assertEquals(8, second.bytesTransferred());
    }

    /**
     * Where this backend's idle backstop sleeps: {@code "sleepUntilReleased"} (a patrolling one,
     * parked with no timeout) or {@code "sleepUntilRing"} (one with an alarm); null for either.
     */
    protected String backstopSleepsIn() {
        return null;
    }

    /** A backstop thread parked with no timeout until a release wakes it, or asleep on its alarm. */
    private boolean aBackstopSleeps() {
        String expected = backstopSleepsIn();
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("iocp4j-"))
                .anyMatch(e -> Arrays.stream(e.getValue()).map(StackTraceElement::getMethodName)
                        .anyMatch(m -> (expected == null || m.equals(expected)) && sleeps(e.getKey(), m)));
    }

    private static boolean sleeps(Thread t, String method) {
        return method.equals("sleepUntilRing") // in read(2) on its timerfd: RUNNABLE to Java
                || (method.equals("sleepUntilReleased") && t.getState() == Thread.State.WAITING);
    }

    /**
     * Data and the peer's FIN arrive together and a poll takes their readiness before any read is
     * issued: the first read, done inline, is short, yet it must not count as draining the socket
     * (no edge would come again), so the next read still reads the end.
     */
    @Test
    public void aShortReadAfterThePeersEndWasPolledStillLeavesTheEndToRead() throws Exception {
        AsyncSocket[] pair = quietPair();
        assertEquals(Win32Error.ERROR_SUCCESS, pair[0].write(ByteBuffer.wrap(new byte[] {1, 2, 3}), new Overlapped()));
        pair[0].shutdownOutput();
        EmulatedIoHandle reader = (EmulatedIoHandle) pair[1];
        await().pollInterval(1, MILLISECONDS).atMost(PATIENCE_SECONDS, SECONDS).until(reader::readEndSeen);
        ByteBuffer in = ByteBuffer.allocateDirect(8);
        Overlapped first = new Overlapped();
        assertEquals(Win32Error.ERROR_SUCCESS, pair[1].read(in, first), "the data is there: read inline");
        expectPacket(first, 0, 3);
        Overlapped end = new Overlapped();
        int r = pair[1].read(in, end);
        assertTrue(r == Win32Error.ERROR_SUCCESS || r == Win32Error.ERROR_IO_PENDING, Win32Error.describe(r));
        expectPacket(end, 0, 0); // the end of stream: success with 0 bytes, not a read left waiting
    }

    @Test
    public void aClosedListenerRefusesConnectionsAtOnce() throws Exception {
        AsyncServerSocket l = listener();
        InetSocketAddress where = l.localAddress();
        backend().drainPollers(); // its registration has landed: close() closes the fd at once
        l.close();
        AsyncSocket c = socket();
        c.associate(port, 3);
        Overlapped ov = new Overlapped();
        int r = c.connect(where, ov);
        if (r == Win32Error.ERROR_IO_PENDING) {
            expectPacket(ov, Win32Error.ERROR_CONNECTION_REFUSED, 0);
        } else {
            assertEquals(Win32Error.describe(Win32Error.ERROR_CONNECTION_REFUSED), Win32Error.describe(r));
        }
    }
}
