package org.iocp4j.epoll;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.FileDescriptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.unix.FdWatch;
import org.iocp4j.unix.Poller;
import org.iocp4j.unix.UnixBackend;

/** The epoll side of the shared unix handles: Netty's EpollIoHandler and the fd glue. */
final class EpollReadiness extends UnixBackend {
    static final EpollReadiness INSTANCE = new EpollReadiness();

    private EpollReadiness() {
        super(EpollBackend.NAME);
    }

    @Override
    protected IoHandlerFactory newHandlerFactory() {
        return EpollIoHandler.newFactory();
    }

    @Override
    protected FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        return new EpollWatch(fd, owner, poller);
    }
}
