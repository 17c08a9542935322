package org.iocp4j.kqueue;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.kqueue.KQueueIoHandler;
import io.netty.channel.unix.FileDescriptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.unix.FdWatch;
import org.iocp4j.unix.Poller;
import org.iocp4j.unix.UnixBackend;

/** The kqueue side of the shared unix handles: Netty's KQueueIoHandler and the fd glue. */
final class KQueueReadiness extends UnixBackend {
    static final KQueueReadiness INSTANCE = new KQueueReadiness();

    private KQueueReadiness() {
        super(KQueueBackend.NAME);
    }

    @Override
    protected IoHandlerFactory newHandlerFactory() {
        return KQueueIoHandler.newFactory();
    }

    @Override
    protected FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        return new KQueueWatch(fd, owner, poller);
    }
}
