package org.iocp4j.conformance.model;

/** What a post did in the model (KiInsertQueue, spec 1.4). */
public sealed interface Delivery {

    /** The packet went straight to the most recent waiter, which now runs with it (R14, R15). */
    record HandedTo(int thread, Packet packet) implements Delivery {}

    /** The packet was appended to the port's FIFO queue (R14). */
    record Queued(Packet packet) implements Delivery {}

    /** The port is closed: the post fails with ERROR_INVALID_HANDLE (R19). */
    record Rejected() implements Delivery {}
}
