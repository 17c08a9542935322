package org.iocp4j.conformance.model;

/**
 * A waiting thread was released with a packet: by a post (R15), or by KiActivateWaiterQueue when
 * an active thread blocked (R26), moved to another port (R30) or exited (R29).
 *
 * @param thread the released thread, whose dequeue now returns {@code packet}
 * @param port the port it waited on
 * @param packet the packet it was handed
 */
public record Handoff(int thread, int port, Packet packet) {}
