package org.iocp4j.unix;

import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.Objects;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.io.IoFactory;

/**
 * A readiness backend (epoll, kqueue) as the shared handles see it: a name, Netty's IoHandler
 * for it, and the glue that turns one fd's readiness into {@link EmulatedIoHandle#onReady}.
 *
 * <p>The loop threads play the kernel. One small group serves every port of the backend in the
 * JVM, as one kernel serves every port on Windows: a handle keeps working when it moves to
 * another port (R74) or when the port it was opened through closes (R7). The group starts on the
 * first fd, has {@code iocp4j.<name>.loopThreads} threads (default: half the processors, 1 to 4),
 * and its daemon threads live as long as the JVM.
 */
public abstract class UnixBackend {
    private final String name;
    private final int loopThreads;
    private volatile MultiThreadIoEventLoopGroup loops;

    protected UnixBackend(String name) {
        this.name = Objects.requireNonNull(name, "name");
        int cpus = Runtime.getRuntime().availableProcessors();
        int threads = Integer.getInteger("iocp4j." + name + ".loopThreads", Math.max(1, Math.min(4, cpus / 2)));
        if (threads < 1) {
            throw new IllegalArgumentException("iocp4j." + name + ".loopThreads must be >= 1, got " + threads);
        }
        this.loopThreads = threads;
    }

    /** The backend's name, as ports and handles report it. */
    public final String name() {
        return name;
    }

    /** How many loop threads play the kernel. */
    public final int loopThreads() {
        return loopThreads;
    }

    /** Netty's IoHandler for this backend; called once, when the first fd is watched. */
    protected abstract IoHandlerFactory newHandlerFactory();

    /** The backend's glue: a Netty IoHandle over {@code fd} reporting readiness to {@code owner}. */
    protected abstract FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, IoEventLoop loop);

    /** The sockets and files of a port of this backend. */
    public final IoFactory ioFor(EmulatedCompletionPort port) {
        return new UnixIoFactory(this, port);
    }

    /** Starts watching {@code fd} for {@code owner} on one of the loops. */
    final FdWatch watch(FileDescriptor fd, EmulatedIoHandle owner) {
        FdWatch w = newWatch(fd, owner, loops().next());
        w.start();
        return w;
    }

    /**
     * Returns once every loop has run the tasks queued before this call: after it, every fd of a
     * handle closed earlier is closed too (they close on their loop). For tests and orderly exits.
     */
    public final void drainLoops() {
        MultiThreadIoEventLoopGroup g = loops;
        if (g != null) {
            for (EventExecutor loop : g) {
                loop.submit(() -> { }).syncUninterruptibly();
            }
        }
    }

    private MultiThreadIoEventLoopGroup loops() {
        MultiThreadIoEventLoopGroup g = loops;
        if (g == null) {
            synchronized (this) {
                g = loops;
                if (g == null) {
                    g = new MultiThreadIoEventLoopGroup(loopThreads,
                            new DefaultThreadFactory("iocp4j-" + name, true), newHandlerFactory());
                    loops = g;
                }
            }
        }
        return g;
    }
}
