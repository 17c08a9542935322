package org.iocp4j.sync;

/** One object's link to one blocked wait (the NT KWAIT_BLOCK). Guarded by Dispatcher.LOCK. */
final class WaitBlock {
    final Wait wait;
    final KernelObject object;
    WaitBlock prev;
    WaitBlock next;
    boolean linked;

    WaitBlock(Wait wait, KernelObject object) {
        this.wait = wait;
        this.object = object;
    }
}
