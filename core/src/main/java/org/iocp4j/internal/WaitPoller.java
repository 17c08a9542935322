package org.iocp4j.internal;

/**
 * What a thread waiting in a port's dequeue may do instead of parking: drive the readiness
 * backend (epoll, kqueue) that completes the port's I/O, the way the JDK's own completion
 * emulation lets a waiting pool thread poll. A packet the poll produces for the waiter itself is
 * taken without any wake-up; a packet for another waiter wakes that one as usual (R14, R15).
 *
 * <p>The engine calls {@link #pollWhileWaiting} from its wait loop with the waiter on the wait
 * list (so the rules see an ordinary waiter) and nothing locked, and {@link #wakeup} when it ends
 * the wait of a waiter that is polling. Never used under the simulator.
 */
public interface WaitPoller {

    /**
     * Polls once for the waiting {@code waiter} (the calling thread): runs the backend's handler,
     * blocking at most until {@code deadlineNanos} (a {@link Seam#nanoTime()} value; 0 for none),
     * and returns early once {@code waiter}'s wait has ended or another thread wants to poll.
     *
     * @return false if the caller should park instead (another thread polls)
     */
    boolean pollWhileWaiting(ThreadRecord waiter, long deadlineNanos);

    /** Makes {@code waiter}'s current or next poll return: its wait was ended by another thread. */
    void wakeup(ThreadRecord waiter);

    /** {@code waiter}'s wait ended (a packet, a timeout, an alert, the close): it no longer asks to poll. */
    void waitEnded(ThreadRecord waiter);
}
