package org.iocp4j.kqueue;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.kqueue.KQueueIoEvent;
import io.netty.channel.kqueue.KQueueIoHandle;
import io.netty.channel.kqueue.KQueueIoOps;
import io.netty.channel.unix.FileDescriptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.unix.FdWatch;
import org.iocp4j.unix.Poller;

/**
 * One fd in Netty's kqueue, with a read and a write filter, both EV_CLEAR (edge-triggered, the
 * kqueue form of EPOLLET). An event flagged EV_EOF retries both directions, so each pending
 * operation meets the end or the error in its own syscall.
 *
 * <p>The filter and flag values are the kqueue ABI, the same on macOS and the BSDs
 * (sys/event.h); Netty keeps its own copies package-private.
 */
final class KQueueWatch extends FdWatch implements KQueueIoHandle {
    static final short EVFILT_READ = -1;
    static final short EVFILT_WRITE = -2;
    static final short EV_ADD = 0x0001;
    static final short EV_ENABLE = 0x0004;
    static final short EV_CLEAR = 0x0020;
    static final short EV_EOF = (short) 0x8000;

    private static final short WATCH = (short) (EV_ADD | EV_ENABLE | EV_CLEAR);

    KQueueWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        super(fd, owner, poller);
    }

    @Override
    public int ident() {
        return fd().intValue();
    }

    @Override
    protected void watchBothDirections(IoRegistration registration) {
        registration.submit(KQueueIoOps.newOps(EVFILT_READ, WATCH, 0));
        registration.submit(KQueueIoOps.newOps(EVFILT_WRITE, WATCH, 0));
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        KQueueIoEvent e = (KQueueIoEvent) event;
        boolean eof = (e.flags() & EV_EOF) != 0;
        ready(e.filter() == EVFILT_READ || eof, e.filter() == EVFILT_WRITE || eof, eof && e.filter() == EVFILT_READ);
    }
}
