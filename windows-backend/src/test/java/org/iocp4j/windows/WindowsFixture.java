package org.iocp4j.windows;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.iocp4j.conformance.BackendFixture;
import org.iocp4j.conformance.Harness;

/**
 * The native backend for the conformance suites: real threads, the kernel's port. The kernel's
 * state is hidden, so the only invariant seen is the backend's own (a closed port holds no slot),
 * and the waiters are those seen from outside: {@link #waitingThreads}.
 */
final class WindowsFixture implements BackendFixture {
    /** How long a thread must stay inside the kernel call before it counts as waiting. */
    private static final long SETTLE_NANOS = 3_000_000;

    private final Harness harness = new WindowsHarness(OnWindows.PATIENCE);
    /** Since when each (port, thread) has been seen inside the kernel call, on every look since. */
    private final Map<Sighting, Long> seenSince = new ConcurrentHashMap<>();

    private record Sighting(WindowsCompletionPort port, Thread thread) {}

    /** Suites should call {@link OnWindows#assumeAvailable()} first; this fixture then works. */
    WindowsFixture() {
        // nothing to set up
    }

    @Override
    public String name() {
        return WindowsPortProvider.isWine() ? "windows (Wine " + WindowsPortProvider.wineVersion() + ")" : "windows";
    }

    @Override
    public CompletionPort open(PortOptions options) {
        return new WindowsPortProvider().open(options);
    }

    @Override
    public PortCapabilities capabilities() {
        return WindowsPortProvider.capabilities();
    }

    @Override
    public Harness harness() {
        return harness;
    }

    @Override
    public String invariantViolation(CompletionPort port) {
        if (port instanceof WindowsCompletionPort w && w.isClosed() && w.slotsInUse() != 0) {
            return w.slotsInUse() + " packet slots still held after close (R38: they must be freed)";
        }
        return null;
    }

    /**
     * The kernel does not say who waits on a port, so this counts the threads inside the port's
     * GetQueuedCompletionStatusEx call (their top frame, {@link OnWindows#inKernelCall}) that have
     * stayed there on every look for {@link #SETTLE_NANOS}. Java cannot see whether a native call
     * has reached the kernel's wait yet; suites poll this every millisecond, and the settle time
     * covers the few instructions between entering the call and waiting.
     */
    @Override
    public int waitingThreads(CompletionPort port) {
        if (!(port instanceof WindowsCompletionPort w)) {
            return PortStats.UNKNOWN;
        }
        long now = System.nanoTime();
        int n = 0;
        java.util.List<Thread> callers = w.callerThreads();
        seenSince.keySet().removeIf(s -> s.port() == w && !callers.contains(s.thread()));
        for (Thread t : callers) {
            Sighting s = new Sighting(w, t);
            if (OnWindows.inKernelCall(t)) {
                if (now - seenSince.computeIfAbsent(s, k -> now) >= SETTLE_NANOS) {
                    n++;
                }
            } else {
                seenSince.remove(s);
            }
        }
        return n;
    }
}
