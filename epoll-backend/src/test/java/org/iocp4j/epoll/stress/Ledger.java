package org.iocp4j.epoll.stress;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.iocp4j.Win32Error;

/**
 * Every operation issued and every packet dequeued. An operation is answered by its issuing
 * call; its packet may be dequeued before that call returns, so losses and duplicates are judged
 * only once everything is closed and drained.
 */
final class Ledger {
    /** The issuing call threw (refused before it started): no packet may come. */
    static final int THREW = Integer.MIN_VALUE + 1;

    private final ConcurrentLinkedQueue<StressOp> ops = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    final AtomicLong issued = new AtomicLong();
    final AtomicLong doneAtOnce = new AtomicLong();
    /** Done at once in skip mode: no packet (R56). */
    final AtomicLong skippedAtOnce = new AtomicLong();
    final AtomicLong pending = new AtomicLong();
    final AtomicLong failedAtOnce = new AtomicLong();
    final AtomicLong dequeued = new AtomicLong();
    /** Packets whose Overlapped is not an operation of this test. */
    final ConcurrentLinkedQueue<String> strays = new ConcurrentLinkedQueue<>();

    StressOp open(StressOp.Kind kind, Endpoint endpoint) {
        StressOp op = new StressOp(ids.incrementAndGet(), kind, endpoint);
        ops.add(op);
        issued.incrementAndGet();
        return op;
    }

    void answered(StressOp op, int answer) {
        op.skipped = answer == Win32Error.ERROR_SUCCESS && op.endpoint.skip && op.kind != StressOp.Kind.ACCEPT;
        op.answer = answer;
        if (op.skipped) {
            skippedAtOnce.incrementAndGet();
        } else if (answer == Win32Error.ERROR_SUCCESS) {
            doneAtOnce.incrementAndGet();
        } else if (answer == Win32Error.ERROR_IO_PENDING) {
            pending.incrementAndGet();
        } else {
            failedAtOnce.incrementAndGet();
        }
    }

    void packet(StressOp op) {
        op.packets.incrementAndGet();
        dequeued.incrementAndGet();
    }

    /** Packets that must come: one per operation answered ERROR_SUCCESS or ERROR_IO_PENDING. */
    long expected() {
        return doneAtOnce.get() + pending.get();
    }

    /** Operations that should have a packet and have none. */
    List<StressOp> lost() {
        return ops.stream().filter(op -> op.expectsPacket() && op.packets.get() == 0).toList();
    }

    /** Operations with more packets than they may have. */
    List<StressOp> duplicated() {
        return ops.stream().filter(op -> op.packets.get() > (op.expectsPacket() ? 1 : 0)).toList();
    }

    String summary() {
        return "issued " + issued + " operations (" + doneAtOnce + " done at once, " + skippedAtOnce
                + " done at once in skip mode, " + pending + " pending, "
                + failedAtOnce + " failed at once), dequeued " + dequeued + " packets for " + expected()
                + " expected";
    }
}
