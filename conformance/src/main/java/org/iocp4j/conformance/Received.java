package org.iocp4j.conformance;

/**
 * One packet as a dequeue or a batch dequeue returned it.
 *
 * @param key the completion key
 * @param bytes the byte count (unsigned)
 * @param overlapped the overlapped object, or null
 * @param error the packet's Win32 error, 0 for posted packets (R16)
 */
public record Received(long key, int bytes, Object overlapped, int error) {}
