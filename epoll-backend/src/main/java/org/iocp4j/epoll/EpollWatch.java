package org.iocp4j.epoll;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.unix.FdWatch;
import org.iocp4j.unix.Poller;

/**
 * One fd in Netty's epoll set, edge-triggered (EPOLLET) for input, output and peer hang-up. An
 * event with EPOLLERR or EPOLLHUP retries both directions, so each pending operation meets the
 * error in its own syscall.
 */
final class EpollWatch extends FdWatch implements EpollIoHandle {
    private static final EpollIoOps INTEREST =
            EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLOUT).with(EpollIoOps.EPOLLRDHUP).with(EpollIoOps.EPOLLET);
    private static final int IN = EpollIoOps.EPOLLIN.value() | EpollIoOps.EPOLLRDHUP.value();
    private static final int OUT = EpollIoOps.EPOLLOUT.value();

    EpollWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        super(fd, owner, poller);
    }

    @Override
    protected void watchBothDirections(IoRegistration registration) {
        registration.submit(INTEREST);
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        int ops = ((EpollIoEvent) event).ops().value();
        boolean end = (ops & EpollIoOps.EPOLLRDHUP.value()) != 0;
        ready((ops & ~OUT) != 0, (ops & ~IN) != 0, end); // anything else (ERR, HUP) wakes both
    }
}
