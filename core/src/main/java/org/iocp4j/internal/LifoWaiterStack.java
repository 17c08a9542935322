package org.iocp4j.internal;

/**
 * The port's wait list: threads blocked in a dequeue, released most recent first (R14). An
 * intrusive doubly linked list through {@link ThreadRecord}, so a timed-out waiter leaves from
 * the middle in O(1) and nothing is allocated. Changed under the port's lock; {@link #size} is
 * also read without it.
 */
final class LifoWaiterStack {
    private ThreadRecord top;
    /**
     * Volatile: a producer that appended a packet under the put lock alone reads it there, to
     * learn whether a waiter may need the packet (EmulatedCompletionPort.insert).
     */
    private volatile int size;

    void push(ThreadRecord r) {
        r.below = top;
        r.above = null;
        if (top != null) {
            top.above = r;
        }
        top = r;
        r.onWaitList = true;
        size++;
    }

    /** Removes and returns the most recent waiter, or null. */
    ThreadRecord pop() {
        ThreadRecord r = top;
        if (r != null) {
            remove(r);
        }
        return r;
    }

    void remove(ThreadRecord r) {
        if (r.above != null) {
            r.above.below = r.below;
        } else {
            top = r.below;
        }
        if (r.below != null) {
            r.below.above = r.above;
        }
        r.above = null;
        r.below = null;
        r.onWaitList = false;
        size--;
    }

    boolean isEmpty() {
        return top == null;
    }

    int size() {
        return size;
    }
}
