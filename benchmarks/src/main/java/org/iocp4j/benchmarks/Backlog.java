package org.iocp4j.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.infra.Control;

/**
 * Keeps producers at most {@link #WINDOW} items ahead of the consumers, so that an unbounded
 * queue (a port, LinkedBlockingQueue, LinkedTransferQueue, an executor's queue) cannot grow
 * without limit when its producers are faster, and every peer runs the same shape: a bounded
 * backlog, like ArrayBlockingQueue's capacity. Consumers count every item (one LongAdder add,
 * the same few nanoseconds for every peer); each producer checks the backlog once every
 * {@link #CHECK_EVERY} items and yields while it is too far ahead.
 *
 * <p>Once JMH stops measuring, the other threads of the group may keep calling their methods for
 * a while; consumers then return at once, so producers must not send any more
 * ({@link #measuring}), or the unbounded channels would grow by what they send meanwhile
 * (the port's ring would double, which is an allocation the gc profiler counts).
 *
 * <p>Because the backlog is bounded, the producers' rate is the consumers' rate to within
 * {@code WINDOW} items per iteration, so items per second can be read from the producer side for
 * every peer, including executors, whose consumers are pool threads JMH does not see.
 */
final class Backlog {
    /** Items producers may run ahead; ArrayBlockingQueue's capacity in these benchmarks. */
    static final int WINDOW = 1024;
    /** A producer looks at the backlog once per this many items. */
    static final int CHECK_EVERY = 64;

    private final AtomicLong produced = new AtomicLong();
    private final LongAdder consumed = new LongAdder();

    /** False once the measurement has stopped: a producer sends nothing more. */
    static boolean measuring(Control control) {
        return !control.stopMeasurement;
    }

    /** A consumer removed {@code n} items. */
    void consumed(int n) {
        consumed.add(n);
    }

    /** A consumer removed one item. */
    void consumedOne() {
        consumed.increment();
    }

    /**
     * A producer sent one item; every {@link #CHECK_EVERY} items it publishes its count and
     * yields while more than {@link #WINDOW} items are outstanding (or until the measurement
     * stops, when consumers may already have left).
     */
    void produced(PerThread me, Control control) {
        if (++me.sinceCheck < CHECK_EVERY) {
            return;
        }
        me.sinceCheck = 0;
        long sent = produced.addAndGet(CHECK_EVERY);
        while (sent - consumed.sum() > WINDOW && !control.stopMeasurement) {
            Thread.yield();
        }
    }
}
