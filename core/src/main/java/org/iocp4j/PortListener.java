package org.iocp4j;

/**
 * Sees every event of a port, in the order the port's state changed. Called while the port's
 * state is locked: keep it short, do not throw, and never call the port from it. On the
 * emulating backends a listener that calls its port gets an {@link IllegalStateException}
 * (rather than waiting forever for the lock its own thread holds). Whatever a listener throws
 * there is thrown by the port call that raised the event once that call has finished its
 * changes: a packet handed to a waiter still wakes it, a dequeue whose WAIT event threw ends
 * its wait as a timeout would and throws (any packet it took is lost to it); a throw during
 * the association hooks of another wait comes out of the thread's next call on a port that has
 * a listener, and one during the watchdog's look is logged. An I/O handle's call (a read done at
 * once, cancel, close) that queues packets finishes every operation it completes, and close
 * releases the handle, before the throw; completions found by a poll are logged. Treat any of
 * these as a bug to fix.
 *
 * <p>Without a listener, a post on an emulating backend appends its packet under a lock of its
 * own while threads dequeue; with one, every post also takes the port's lock, so that its
 * QUEUE or HANDOFF event comes in order. Expect posts to be slower on a port with a listener.
 */
@FunctionalInterface
public interface PortListener {
    /**
     * @param event what happened
     * @param thread the thread it happened to (the waiter for HANDOFF and ABANDON)
     * @param key the packet's key, or 0 when no packet is involved
     * @param activeThreads the port's active-thread count after the event
     * @param queuedPackets the port's queue depth after the event
     */
    void onEvent(PortEvent event, Thread thread, long key, int activeThreads, int queuedPackets);
}
