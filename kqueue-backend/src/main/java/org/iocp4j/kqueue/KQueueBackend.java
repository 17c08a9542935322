package org.iocp4j.kqueue;

import io.netty.channel.kqueue.KQueue;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.EmulatedPortProvider;
import org.iocp4j.internal.RealSeam;

/**
 * The kqueue backend, {@code "kqueue"}: the engine (NT KQUEUE algorithm) on real threads, with
 * overlapped sockets and files whose readiness comes from Netty's {@code KQueueIoHandler}. The
 * sockets, files and readiness-to-completion logic are the epoll backend's, shared in
 * {@code org.iocp4j.unix}; only the glue to the kqueue loop is its own.
 *
 * <p>Availability follows Netty's triad: {@link #isAvailable()}, {@link #ensureAvailability()},
 * {@link #unavailabilityCause()}; it needs macOS (or a BSD with Netty's native kqueue library)
 * and this module ships the macOS x86_64 and aarch_64 libraries.
 *
 * <p>Threads: no loop thread of its own for sockets. A thread waiting in a port's dequeue polls
 * the backend itself instead of parking, and a backstop thread per poller
 * ({@code iocp4j.kqueue.pollers}, default: half the processors, 1 to 4) polls while no waiter does;
 * regular-file I/O runs on a bounded helper pool ({@code iocp4j.file.threads}). See docs/io.md.
 */
public final class KQueueBackend {
    /** The backend's name, as {@link CompletionPort#backend()} reports it. */
    public static final String NAME = "kqueue";

    private KQueueBackend() {}

    /** True when Netty's native kqueue transport loads on this machine. */
    public static boolean isAvailable() {
        return KQueue.isAvailable();
    }

    /**
     * Returns normally when the backend can run here.
     *
     * @throws UnsatisfiedLinkError (or another Error) saying why it cannot, as Netty does
     */
    public static void ensureAvailability() {
        KQueue.ensureAvailability();
    }

    /** Why the backend cannot run here, or null when it can. */
    public static Throwable unavailabilityCause() {
        return KQueue.unavailabilityCause();
    }

    /**
     * Opens a kqueue port: the engine with {@link CompletionPort#io()} for sockets and files.
     *
     * @throws UnsupportedOperationException if kqueue is not available here; the cause says why
     */
    public static CompletionPort open(PortOptions options) {
        if (!isAvailable()) {
            throw new UnsupportedOperationException("the kqueue backend is not available here", unavailabilityCause());
        }
        return new EmulatedCompletionPort(NAME, EmulatedPortProvider.CAPABILITIES, options, RealSeam.INSTANCE,
                KQueueReadiness.INSTANCE::ioFor);
    }
}
