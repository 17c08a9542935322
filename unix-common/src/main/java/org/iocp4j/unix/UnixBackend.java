package org.iocp4j.unix;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.unix.FileDescriptor;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.Settings;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.io.IoFactory;

/**
 * A readiness backend (epoll, kqueue) as the shared handles see it: a name, Netty's IoHandler
 * for it, and the glue that turns one fd's readiness into {@link EmulatedIoHandle#onReady}.
 *
 * <p>The pollers play the kernel. A few serve every port of the backend in the JVM
 * ({@code iocp4j.<name>.pollers}, default: half the processors, 1 to 4); each port is given one
 * when its {@code io()} is first used, and the handles opened through that port watch their fds
 * there. A thread waiting in the port's dequeue drives that poller itself (see {@link Poller});
 * its backstop thread drives it when no waiter does, so a handle keeps working when it moves to
 * another port (R74) or when the port it was opened through closes (R7). The backstop takes a
 * poller that has been free for {@code iocp4j.<name>.graceMicros} (default 2000) microseconds.
 */
public abstract class UnixBackend {
    private final String name;
    private final int pollerCount;
    private final long graceNanos;
    private final AtomicInteger nextPoller = new AtomicInteger();
    private volatile Poller[] pollers;

    protected UnixBackend(String name) {
        this.name = Objects.requireNonNull(name, "name");
        int cpus = Runtime.getRuntime().availableProcessors();
        int count = Settings.wholeInt("iocp4j." + name + ".pollers", Math.max(1, Math.min(4, cpus / 2)), 1);
        long graceMicros = Settings.wholeNumber("iocp4j." + name + ".graceMicros", 2000, 1);
        FileHelpers.checkSetting(); // here, not at a first file operation already queued
        this.pollerCount = count;
        this.graceNanos = TimeUnit.MICROSECONDS.toNanos(graceMicros);
    }

    /** The backend's name, as ports and handles report it. */
    public final String name() {
        return name;
    }

    /** How many pollers play the kernel. */
    public final int pollerCount() {
        return pollerCount;
    }

    /** Netty's IoHandler for this backend; called once per poller, when the first port needs one. */
    protected abstract IoHandlerFactory newHandlerFactory();

    /**
     * A kernel timer for the backstop of the poller named {@code pollerName}, or null: its
     * backstop then patrols (see {@link Poller}). Called once per poller. None by default.
     */
    protected ReleaseAlarm newReleaseAlarm(String pollerName) {
        return null;
    }

    /** The backend's glue: a Netty IoHandle over {@code fd} reporting readiness to {@code owner}. */
    protected abstract FdWatch newWatch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller);

    /**
     * The sockets and files of a port of this backend; from now on the port's waiting threads
     * drive the poller its handles use.
     */
    public final IoFactory ioFor(EmulatedCompletionPort port) {
        Poller[] all = pollers();
        Poller p = all[Math.floorMod(nextPoller.getAndIncrement(), all.length)];
        port.pollWith(p);
        return new UnixIoFactory(this, port, p);
    }

    /** Starts watching {@code fd} for {@code owner} on {@code poller}. */
    final FdWatch watch(FileDescriptor fd, EmulatedIoHandle owner, Poller poller) {
        FdWatch w = newWatch(fd, owner, poller);
        w.start();
        return w;
    }

    /**
     * Returns once every poller has run the tasks queued before this call (registrations, and
     * the forgetting of fds closed earlier). For tests and orderly exits.
     */
    public final void drainPollers() {
        Poller[] all = pollers;
        if (all == null) {
            return;
        }
        for (Poller p : all) {
            CountDownLatch done = new CountDownLatch(1);
            p.execute(done::countDown);
            try {
                if (!done.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(p + " ran no task for 30 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private Poller[] pollers() {
        Poller[] all = pollers;
        if (all == null) {
            synchronized (this) {
                all = pollers;
                if (all == null) {
                    IoHandlerFactory factory = newHandlerFactory();
                    all = new Poller[pollerCount];
                    for (int i = 0; i < all.length; i++) {
                        String pollerName = "iocp4j-" + name + "-" + i;
                        all[i] = new Poller(factory, pollerName, graceNanos, newReleaseAlarm(pollerName));
                    }
                    pollers = all;
                }
            }
        }
        return all;
    }
}
