package org.iocp4j.conformance.model;

import java.util.List;

/**
 * A snapshot of one port of the model.
 *
 * @param id the port's id, in opening order from 0
 * @param concurrency MaximumCount
 * @param active CurrentCount: associated threads counted as active (may exceed the maximum, R27)
 * @param queued the FIFO queue, head first
 * @param waiters the wait list, the next to be released (most recent) first
 * @param associated the associated threads, in association order
 * @param closed whether the port was closed
 */
public record PortView(int id, int concurrency, int active, List<Packet> queued, List<Integer> waiters,
        List<Integer> associated, boolean closed) {

    public PortView {
        queued = List.copyOf(queued);
        waiters = List.copyOf(waiters);
        associated = List.copyOf(associated);
    }
}
