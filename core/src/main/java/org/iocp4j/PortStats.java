package org.iocp4j;

/**
 * A snapshot of a port's state. A value a backend cannot report is {@link #UNKNOWN}; see
 * {@link PortCapabilities#countsActiveThreads()}.
 *
 * @param concurrency the concurrency maximum (MaximumCount, R1)
 * @param activeThreads associated threads that are running, not blocked (CurrentCount, R25)
 * @param queuedPackets packets queued and not handed to a thread (the depth, R77)
 * @param associatedThreads threads associated with the port (R20)
 * @param waitingThreads threads blocked in a dequeue on this port
 */
public record PortStats(int concurrency, int activeThreads, int queuedPackets, int associatedThreads,
        int waitingThreads) {
    /** A value the backend cannot report. */
    public static final int UNKNOWN = -1;
}
