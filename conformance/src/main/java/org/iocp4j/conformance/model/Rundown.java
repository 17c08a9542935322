package org.iocp4j.conformance.model;

import java.util.List;

/**
 * What closing a port did in the model.
 *
 * @param abandoned the threads that waited and now return ABANDONED (R33), in release order
 * @param dropped the queued packets that became unreachable (R38), head first
 */
public record Rundown(List<Integer> abandoned, List<Packet> dropped) {
    public Rundown {
        abandoned = List.copyOf(abandoned);
        dropped = List.copyOf(dropped);
    }
}
