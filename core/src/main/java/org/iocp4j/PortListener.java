package org.iocp4j;

/**
 * Sees every event of a port, in the order the port's state changed. Called while the port's
 * state is locked: keep it short, do not throw, and never call the port from it. On the
 * emulating backends a listener that calls its port gets an {@link IllegalStateException}
 * (rather than waiting forever for the lock its own thread holds), which, like anything else
 * the listener throws, leaves the call that raised the event unfinished and the port in an
 * undefined state: treat it as a bug to fix.
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
