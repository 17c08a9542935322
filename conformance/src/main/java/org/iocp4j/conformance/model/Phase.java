package org.iocp4j.conformance.model;

/** Where a thread of the model is. */
public enum Phase {
    /** Running: between port calls, or busy. An associated running thread is active (R25). */
    RUNNING,
    /** Waiting in a dequeue on a port (on its wait list). */
    WAITING,
    /** Blocked in some other wait: a kernel object, a sleep, blocking code (R26). */
    BLOCKED,
    /** The thread has ended (R29). */
    EXITED
}
