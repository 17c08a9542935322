package org.iocp4j.conformance.model;

/**
 * How long a dequeue in the model may wait. Time does not pass in the model: a finite timeout is
 * a wait that ends only when {@link ReferenceModel#timeout(int)} says the timer fired (R39).
 */
public enum Wait {
    /** A zero timeout: if nothing can be taken now, the call times out at once (R39). */
    ZERO,
    /** A finite timeout: the thread waits until a packet, the close, or a "timeout fires" event. */
    FINITE,
    /** INFINITE: the thread waits until a packet or the close. */
    INFINITE
}
