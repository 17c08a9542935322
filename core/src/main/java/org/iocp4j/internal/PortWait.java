package org.iocp4j.internal;

import org.iocp4j.PortEvent;
import org.iocp4j.PortOptions;

/**
 * How a thread waits in an emulated port's dequeue once it found no packet it may take: the spin
 * before it enters (keeping its slot, R22), then the wait itself (park, or poll the readiness
 * backend) until a hand-off (R15), the close (R33), its timeout (R40) or an alert ends it.
 */
abstract class PortWait extends PortInsert {
    static final int TIMEOUT = -1;
    static final int ABANDONED = -2;
    static final int INVALID = -3;
    static final int INTERRUPTED = -4;

    /** Drives the readiness backend of this port's handles while a thread waits, or null (see WaitPoller). */
    volatile WaitPoller poller;

    PortWait(PortOptions options, Seam seam) {
        super(options, seam);
    }

    /**
     * An associated thread that finds the queue empty spins a moment before it enters the port,
     * which is the same as calling a moment later: it keeps its active slot meanwhile, so a packet
     * posted now is queued, not handed off, and the thread takes it at once (R22) without an
     * unpark. Never with a zero timeout (R39); off under the simulator (spinTries is 0 there).
     * How long is {@link ThreadRecord#spinBudget}: a thread that is streaming (it found packets
     * left behind the ones it took, or took a batch of them) does not spin, so its producers run
     * ahead and it drains them in a batch after one wake-up; a thread that gets single packets
     * (request and reply) does.
     * It yields its processor a few times ({@link Seam#yieldTries()}), during a long spin and
     * after it: when the thread that would post shares the processor (more threads than
     * processors), it runs now, and posts the reply or a batch, instead of the spinner burning
     * the processor it needs, then parking and being woken for every few packets.
     */
    void spinForPacket(ThreadRecord me, int spins, int yields) {
        int left = yields;
        for (int i = 1; i <= spins && nothingYet(me); i++) {
            Thread.onSpinWait();
            if ((i & (YIELD_EVERY - 1)) == 0 && left > 0) {
                left--;
                me.seam.yieldProcessor(); // the poster may be waiting for this processor
            }
        }
        for (; left > 0 && nothingYet(me); left--) {
            me.seam.yieldProcessor();
        }
    }

    /**
     * A long spin yields this often (a power of two): the thread it waits for may share its
     * processor, and then every further spin only delays the packet.
     */
    private static final int YIELD_EVERY = 64;

    boolean nothingYet(ThreadRecord me) {
        return queue.sizeHint() == 0 && !closed && !me.thread.isInterrupted();
    }

    int await(ThreadRecord me, long timeoutNanos, int spins) {
        Seam seam = me.seam;
        me.mayPark = false;
        for (int i = spins; i > 0 && me.waitState == ThreadRecord.WAITING; i--) {
            Thread.onSpinWait();
        }
        me.mayPark = true; // from here a waker must unpark us (see wake)
        boolean timed = timeoutNanos != Long.MAX_VALUE;
        long deadline = timed ? seam.nanoTime() + timeoutNanos : 0;
        WaitPoller p = poller;
        int ended = 0; // the status of a wait this thread ended itself (endWait), else 0
        try {
            while (me.waitState == ThreadRecord.WAITING) {
                if (me.listenerFailure != null) { // the listener threw at WAIT: do not wait to report it
                    ended = endWait(me, TIMEOUT);
                    break;
                }
                if (me.thread.isInterrupted()) {
                    ended = endWait(me, INTERRUPTED);
                    break;
                }
                long left = timed ? deadline - seam.nanoTime() : Long.MAX_VALUE;
                if (left <= 0) {
                    ended = endWait(me, TIMEOUT);
                    break;
                }
                if (p != null) {
                    boolean polled;
                    try {
                        polled = pollInstead(me, p, timed ? deadline : 0);
                    } catch (RuntimeException | Error e) {
                        // Leave the waiters as a timeout would, or the port would hand the next
                        // packet to a thread no longer waiting; a packet handed meanwhile is lost.
                        endWait(me, TIMEOUT);
                        me.sink = null;
                        me.waitState = ThreadRecord.NOT_WAITING;
                        throw e;
                    }
                    if (polled) {
                        continue;
                    }
                    if (me.waitState != ThreadRecord.WAITING) {
                        break; // ended while polling was announced: its waker woke the poll, not us
                    }
                }
                if (timed) {
                    seam.parkNanos(this, left);
                } else {
                    seam.park(this);
                }
            }
        } finally {
            if (p != null) {
                p.waitEnded(me); // however the wait ended: a poller must not keep it as the next poller
            }
        }
        me.sink = null;
        if (ended != 0) {
            return ended; // endWait found the thread still waiting: a timeout or an alert
        }
        int state = me.waitState; // ended by a packet or the close (endWait returned 0 if they came first)
        me.waitState = ThreadRecord.NOT_WAITING;
        return state == ThreadRecord.HANDED ? 1 : ABANDONED;
    }

    /**
     * The waiter polls the readiness backend instead of parking; false if another thread polls.
     * {@code polling} is announced first, so a waker that ends the wait meanwhile wakes the poll
     * (see wake) and does not unpark; it is withdrawn before the waiter, told to park, looks at
     * its wait state again: either the waker saw {@code polling} withdrawn and unparks, or the
     * waiter sees the wait ended and does not park.
     */
    private static boolean pollInstead(ThreadRecord me, WaitPoller p, long deadline) {
        me.polling = p;
        try {
            return p.pollWhileWaiting(me, deadline);
        } finally {
            me.polling = null;
        }
    }

    /** The wait ends without a packet (timer or alert): KiUnlinkThread counts the thread again. */
    private int endWait(ThreadRecord me, int why) {
        lock.lock();
        try {
            if (me.waitState != ThreadRecord.WAITING) {
                return 0; // a packet or the close got there first
            }
            waiters.remove(me);
            me.inDequeue = false;
            me.waitState = ThreadRecord.NOT_WAITING;
            activeCount++;
            me.active = true;
            event(PortEvent.TIMEOUT, me.thread, 0);
            return why;
        } finally {
            lock.unlock();
        }
    }
}
