package org.iocp4j.epoll;

import io.netty.channel.epoll.Epoll;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;
import org.iocp4j.internal.RealSeam;

/**
 * The epoll backend, {@code "epoll"}: the engine (NT KQUEUE algorithm) on real threads, with
 * overlapped sockets and files whose readiness comes from Netty's {@code EpollIoHandler}.
 *
 * <p>Availability follows Netty's triad: {@link #isAvailable()}, {@link #ensureAvailability()},
 * {@link #unavailabilityCause()}; it needs Linux and Netty's native epoll library for this CPU
 * (x86_64 or aarch_64 ship with this module).
 *
 * <p>Threads: no loop thread of its own for sockets. A thread waiting in a port's dequeue polls
 * the backend itself instead of parking, and a backstop thread per poller
 * ({@code iocp4j.epoll.pollers}, default: half the processors, 1 to 4) polls while no waiter does;
 * regular-file I/O runs on a bounded helper pool ({@code iocp4j.file.threads}). See docs/io.md.
 */
public final class EpollBackend {
    /** The backend's name, as {@link CompletionPort#backend()} reports it. */
    public static final String NAME = "epoll";

    private EpollBackend() {}

    /** True when Netty's native epoll transport loads on this machine. */
    public static boolean isAvailable() {
        return Epoll.isAvailable();
    }

    /**
     * Returns normally when the backend can run here.
     *
     * @throws UnsatisfiedLinkError (or another Error) saying why it cannot, as Netty does
     */
    public static void ensureAvailability() {
        Epoll.ensureAvailability();
    }

    /** Why the backend cannot run here, or null when it can. */
    public static Throwable unavailabilityCause() {
        return Epoll.unavailabilityCause();
    }

    /**
     * Opens an epoll port: the engine with {@link CompletionPort#io()} for sockets and files.
     *
     * @throws UnsupportedOperationException if epoll is not available here; the cause says why
     */
    public static CompletionPort open(PortOptions options) {
        if (!isAvailable()) {
            throw new UnsupportedOperationException("the epoll backend is not available here", unavailabilityCause());
        }
        return new EmulatedCompletionPort(NAME, EmulatedPortProvider.CAPABILITIES, options, RealSeam.INSTANCE,
                EpollReadiness.INSTANCE::ioFor);
    }
}
