package org.iocp4j.epoll;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import org.iocp4j.unix.ReleaseAlarm;

/**
 * The backstop's alarm on Linux: a blocking timerfd (CLOCK_MONOTONIC, the clock of
 * System.nanoTime), set with timerfd_settime and slept on with read(2), through JNA. Setting it
 * costs one syscall (about 2 µs on the benchmark machine, where arming a timer leaves the
 * guest), which the poller does at most once per half grace period.
 */
final class TimerFdAlarm implements ReleaseAlarm {
    private static final int CLOCK_MONOTONIC = 1;
    private static final int TFD_CLOEXEC = 02000000;
    private static final int EINTR = 4;

    private final int fd;
    /** struct itimerspec: interval {sec, nsec} (zero: one-shot), value {sec, nsec}; callers serialize setAt. */
    private final long[] spec = new long[4];
    /** The expiration count read(2) returns; the backstop's only. */
    private final long[] expirations = new long[1];

    /**
     * Opens the timerfd.
     *
     * @throws LastErrorException if the kernel refuses one
     * @throws LinkageError if JNA cannot load here
     */
    TimerFdAlarm() {
        fd = Libc.timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    }

    @Override
    public void setAt(long nanoTime) {
        long delay = Math.max(1, nanoTime - System.nanoTime()); // a zero value would disarm it
        spec[2] = delay / 1_000_000_000L;
        spec[3] = delay % 1_000_000_000L;
        Libc.timerfd_settime(fd, 0, spec, null);
    }

    @Override
    public void sleepUntilRing() {
        try {
            Libc.read(fd, expirations, Long.BYTES);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != EINTR) {
                throw e;
            }
        }
    }

    /** Closes the timerfd; for tests (a poller's alarm lives as long as the JVM). */
    void close() {
        Libc.close(fd);
    }

    /** The libc calls, bound directly (JNA direct mapping). */
    private static final class Libc {
        static {
            Native.register("c");
        }

        private Libc() {}

        static native int timerfd_create(int clockId, int flags) throws LastErrorException;

        static native int timerfd_settime(int fd, int flags, long[] newValue, Pointer oldValue)
                throws LastErrorException;

        static native long read(int fd, long[] buf, long count) throws LastErrorException;

        static native int close(int fd) throws LastErrorException;
    }
}
