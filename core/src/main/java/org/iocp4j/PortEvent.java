package org.iocp4j;

/** What a port did, as reported to a {@link PortListener}; the words of spec/iocp.md 1.4-1.8. */
public enum PortEvent {
    /** A packet was appended to the FIFO queue (R14). */
    QUEUE,
    /** A packet was handed directly to the most recent waiter, which was woken (R14, R15). */
    HANDOFF,
    /** A thread removed a queued packet without waiting (R22). */
    DEQUEUE,
    /** A thread found nothing it may take and waits (R23). */
    WAIT,
    /** A waiter's timeout expired (R39, R40). */
    TIMEOUT,
    /** A thread became associated with the port (R20). */
    ASSOCIATE,
    /** A thread stopped being associated: another port, thread exit or close (R29-R32). */
    DISSOCIATE,
    /** An associated thread entered another wait and gave up its slot (R26). */
    BLOCK,
    /** That wait ended and the thread counts as active again, maybe over the maximum (R27). */
    UNBLOCK,
    /** The port was closed (R33). */
    CLOSE,
    /** A waiter was released by the close with ERROR_ABANDONED_WAIT_0 (R33). */
    ABANDON
}
