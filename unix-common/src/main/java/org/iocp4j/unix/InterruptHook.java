package org.iocp4j.unix;

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * Makes {@link Thread#interrupt()} wake a thread blocked in a readiness backend (epoll_wait and
 * kevent do not return for an interrupt by themselves). It borrows the selector SPI's hook for
 * exactly this purpose: between {@link #enter()} and {@link #exit()} (the SPI's begin and end) an
 * interrupt of the calling thread calls {@link #wakeup()}, which runs the given action; an
 * interrupt already pending at {@code enter()} runs it at once. No timer is needed, so a waiter
 * that blocks for a long time is never woken just to look for an interrupt.
 *
 * <p>Nothing else of a selector works: this object is never selected on nor registered with.
 */
final class InterruptHook extends AbstractSelector {
    private final Runnable wake;

    /** {@code wake} must be callable from any thread at any time (it runs inside Thread.interrupt). */
    InterruptHook(Runnable wake) {
        super(SelectorProvider.provider());
        this.wake = wake;
    }

    /** The calling thread's interrupt wakes the backend from now until {@link #exit()}. */
    void enter() {
        begin();
    }

    /** Ends what {@link #enter()} began; call in a finally block. */
    void exit() {
        end();
    }

    @Override
    public Selector wakeup() {
        wake.run();
        return this;
    }

    @Override
    protected void implCloseSelector() {
        // nothing was opened
    }

    @Override
    protected SelectionKey register(AbstractSelectableChannel channel, int ops, Object attachment) {
        throw new UnsupportedOperationException("an interrupt hook, not a selector");
    }

    @Override
    public Set<SelectionKey> keys() {
        return Set.of();
    }

    @Override
    public Set<SelectionKey> selectedKeys() {
        return Set.of();
    }

    @Override
    public int selectNow() {
        return 0;
    }

    @Override
    public int select(long timeout) {
        return 0;
    }

    @Override
    public int select() {
        return 0;
    }
}
