package org.iocp4j.epoll;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.unix.FileDescriptor;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.unix.FdWatch;
import org.iocp4j.unix.Poller;
import org.iocp4j.unix.ReleaseAlarm;
import org.iocp4j.unix.UnixBackend;

/**
 * The epoll side of the shared unix handles: Netty's EpollIoHandler, the fd glue, and a timerfd
 * for each backstop to sleep on ({@link TimerFdAlarm}; {@code -Diocp4j.epoll.backstopAlarm=false}
 * makes the backstops patrol instead, as they do where no timerfd can be had).
 */
final class EpollReadiness extends UnixBackend {
    static final EpollReadiness INSTANCE = new EpollReadiness();
    private static final System.Logger LOG = System.getLogger(EpollReadiness.class.getName());
    static final String ALARM_PROPERTY = "iocp4j.epoll.backstopAlarm";

    private EpollReadiness() {
        super(EpollBackend.NAME);
    }

    @Override
    protected IoHandlerFactory newHandlerFactory() {
        return EpollIoHandler.newFactory();
    }

    @Override
    protected ReleaseAlarm newReleaseAlarm(String pollerName) {
        String setting = System.getProperty(ALARM_PROPERTY, "true");
        if (!setting.equals("true") && !setting.equals("false")) {
            throw new IllegalArgumentException(ALARM_PROPERTY + " must be true (a timerfd) or false (parked patrols), got '"
                    + setting + "'");
        }
        if (setting.equals("false")) {
            return null;
        }
        try {
            return new TimerFdAlarm();
        } catch (LinkageError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, pollerName + ": no timerfd for the backstop (" + e
                    + "); it patrols instead");
            return null;
        }
    }

    @Override
    protected FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        return new EpollWatch(fd, owner, poller);
    }
}
