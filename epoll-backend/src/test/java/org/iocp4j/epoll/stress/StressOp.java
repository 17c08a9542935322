package org.iocp4j.epoll.stress;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * One operation of the stress test, its own Overlapped: what it was, on which endpoint, how the
 * issuing call answered, and how many packets carried it back. Exactly once means: one packet
 * if the call answered ERROR_SUCCESS or ERROR_IO_PENDING (R51, R53), none if it failed at once
 * (R52).
 */
final class StressOp extends Overlapped {
    enum Kind { CONNECT, ACCEPT, READ, WRITE }

    /** Not answered yet (the packet may be dequeued before the issuing call returns). */
    static final int UNANSWERED = Integer.MIN_VALUE;

    final long id;
    final Kind kind;
    final Endpoint endpoint;
    final AtomicInteger packets = new AtomicInteger();
    /** The buffer's position when issued; the packet's bytes must match what it moved. */
    int start;
    /** Guarded by the endpoint's lock until the run ends. */
    ByteBuffer buffer;
    volatile int answer = UNANSWERED;
    /** Done at once on a skip-mode endpoint: no packet may come (R56). */
    volatile boolean skipped;

    StressOp(long id, Kind kind, Endpoint endpoint) {
        this.id = id;
        this.kind = kind;
        this.endpoint = endpoint;
    }

    boolean expectsPacket() {
        return (answer == Win32Error.ERROR_SUCCESS && !skipped) || answer == Win32Error.ERROR_IO_PENDING;
    }

    @Override
    public String toString() {
        return kind + "#" + id + "[answer " + (answer == UNANSWERED ? "none" : Win32Error.describe(answer))
                + ", packets " + packets + ", " + endpoint + "]";
    }
}
