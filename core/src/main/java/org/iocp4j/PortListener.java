package org.iocp4j;

/**
 * Sees every event of a port, in the order the port's state changed. Called while the port's
 * state is locked: keep it short, and never call the port from it.
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
