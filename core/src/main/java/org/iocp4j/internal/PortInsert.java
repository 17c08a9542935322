package org.iocp4j.internal;

import org.iocp4j.PortClosedException;
import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;

/**
 * KiInsertQueue for an emulated port: how a packet enters, by a post or an I/O completion. The
 * common case appends under the ring's put lock alone and reaches for the port's lock only when a
 * thread waits; {@link PortWait} and {@link EmulatedCompletionPort} are the taking side.
 */
abstract class PortInsert extends PortGate {
    PortInsert(PortOptions options, Seam seam) {
        super(options, seam);
    }

    /**
     * KiInsertQueue: hands the packet to the most recent waiter if the port is below its maximum
     * (R14, R15), else queues it FIFO. The emulating backends post I/O completions with their
     * Win32 error through here (R53). Without a listener it appends under the put lock and hands
     * the packet on only if a thread waits ({@link #append}).
     *
     * <p>Not a scheduling point, unlike {@link #post}: a handle inserts its completions with its
     * own lock held, and under the simulator a thread switched out there would leave that lock
     * held while the next thread tries to take it. The I/O call or the readiness event that led
     * here was the scheduling point.
     *
     * @throws PortClosedException if the port is closed (R19)
     */
    public void insert(long key, int bytes, Object overlapped, int error) {
        int appended = listener == null ? append(key, bytes, overlapped, error) : FULL;
        if (appended == FULL) {
            insertLocked(key, bytes, overlapped, error);
            endCall(ThreadRecord.current()); // with a listener, or when the ring grew: not the common path
        } else if (appended == FOR_A_WAITER) {
            try {
                releaseWaiters();
            } finally {
                handOffsInFlight(-1);
            }
        }
    }

    private static final int APPENDED = 0;
    private static final int FOR_A_WAITER = 1;
    private static final int FULL = 2;

    /**
     * The common case, under the put lock alone: appends when the ring has room and says whether
     * a thread waits (then the caller hands packets on, {@link #releaseWaiters}), or that the ring
     * is full. Consumers meanwhile take packets under the port's lock. A thread that starts to
     * wait takes and releases the put lock after it joined the waiters and before it looks at the
     * queue again (takeOrWait): so either it sees this packet, or this sees it waiting. Between
     * the append and the hand-off an active thread that dequeues may take the packet by R22,
     * which the kernel also does when that thread's dequeue comes first (it becomes the most
     * recent waiter and is handed the packet).
     */
    private int append(long key, int bytes, Object overlapped, int error) {
        SpinLock put = queue.tail;
        put.lock();
        try {
            if (closed) {
                throw closedPort();
            }
            if (waiters.size() == 0) {
                return queue.offer(key, bytes, overlapped, error) ? APPENDED : FULL;
            }
            handOffsInFlight(1); // before the packet is published (see PortGate.invariantViolation)
            if (!queue.offer(key, bytes, overlapped, error)) {
                handOffsInFlight(-1);
                return FULL;
            }
            return FOR_A_WAITER;
        } finally {
            put.unlock();
        }
    }

    private static PortClosedException closedPort() {
        return new PortClosedException("post on a closed port (ERROR_INVALID_HANDLE, R19)");
    }

    /**
     * Under both locks, as KiInsertQueue does it: the packet goes to the most recent waiter if
     * the port is below its maximum (R14, R15), else it is queued FIFO. With a listener every
     * packet comes here, so the events tell exactly that; without one, here come the packets
     * that found the ring full (it grows).
     */
    private void insertLocked(long key, int bytes, Object overlapped, int error) {
        ThreadRecord woken = null;
        boolean more = false;
        lock.lock();
        queue.tail.lock();
        try {
            if (closed) {
                throw closedPort();
            }
            if (activeCount < maximum && !waiters.isEmpty() && queue.isEmpty()) {
                woken = waiters.pop();
                handOff(woken, key, bytes, overlapped, error);
            } else {
                queue.add(key, bytes, overlapped, error);
                event(PortEvent.QUEUE, Thread.currentThread(), key);
                more = !waiters.isEmpty(); // saturated, or packets of the fast path under way
            }
        } finally {
            queue.tail.unlock();
            lock.unlock();
        }
        wake(woken); // null unless handed off above
        if (more) {
            releaseWaiters();
        }
    }

    /**
     * After a packet was queued with waiters present: hands queued packets to the most recent
     * waiters while the port is below its maximum (R15, KiActivateWaiterQueue), or, saturated,
     * lets the watchdog look (R29).
     */
    private void releaseWaiters() {
        boolean more;
        do {
            ThreadRecord w;
            lock.lock();
            try {
                w = activateWaiter();
                more = w != null && activeCount < maximum && !queue.isEmpty() && !waiters.isEmpty();
                if (w == null && !queue.isEmpty() && !waiters.isEmpty()) {
                    watch();
                }
            } finally {
                lock.unlock();
            }
            wake(w);
        } while (more);
    }
}
