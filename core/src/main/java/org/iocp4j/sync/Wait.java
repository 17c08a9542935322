package org.iocp4j.sync;

import org.iocp4j.internal.ThreadRecord;

/** A thread blocked in a wait on one or more objects. */
final class Wait {
    /** The result while nobody has ended the wait. */
    static final int PENDING = -1;

    final ThreadRecord thread;
    final KernelObject[] objects;
    final boolean all;
    final WaitBlock[] blocks;
    /** When the wait times out, or KernelObject.NEVER. */
    final long deadline;
    /** WAIT_OBJECT_0 + i, WAIT_ABANDONED_0 + i, WAIT_TIMEOUT or PENDING; written under the lock, last. */
    volatile int result = PENDING;
    /** When the waiter must look again (deadline, a timer, a mutex owner's life), or NEVER; written under the lock. */
    volatile long wakeAt;
    /** Next in a list of waits to unpark after the lock is released. Guarded by lock. */
    Wait nextWoken;

    Wait(ThreadRecord thread, KernelObject[] objects, boolean all, long deadline) {
        this.thread = thread;
        this.objects = objects;
        this.all = all;
        this.deadline = deadline;
        this.blocks = new WaitBlock[objects.length];
        for (int i = 0; i < objects.length; i++) {
            blocks[i] = new WaitBlock(this, objects[i]);
        }
    }

    /** What the thread parks on, for thread dumps: the object itself for a single wait. */
    Object blocker() {
        return objects.length == 1 ? objects[0] : this;
    }

    @Override
    public String toString() {
        return "Wait[" + thread.thread().getName() + (all ? ", all of " : ", any of ") + objects.length + "]";
    }
}
