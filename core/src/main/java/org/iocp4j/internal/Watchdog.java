package org.iocp4j.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Looks at ports that are saturated while packets and waiters wait, every period, until they are
 * not: finds associated threads that died (R29) or, if asked, block where iocp4j cannot see.
 * One daemon thread per period value, started on first use, parked while no port needs it.
 */
final class Watchdog {
    private static final ConcurrentLinkedQueue<Watchdog> ALL = new ConcurrentLinkedQueue<>();

    private final Seam seam;
    private final long periodNanos;
    private final ConcurrentLinkedQueue<EmulatedCompletionPort> ports = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    /** The daemon was asked to start; set once, under this. */
    private boolean started;

    private Watchdog(Seam seam, long periodNanos) {
        this.seam = seam;
        this.periodNanos = periodNanos;
    }

    /** The watchdog for ports opened with this seam and period, or null if the seam runs no helpers. */
    static Watchdog forSeam(Seam seam, Duration period) {
        if (seam != RealSeam.INSTANCE) {
            return null; // the simulator reports thread exit exactly (ThreadRecord.exit)
        }
        long nanos = period.toNanos();
        for (Watchdog w : ALL) {
            if (w.periodNanos == nanos) {
                return w;
            }
        }
        synchronized (ALL) {
            for (Watchdog w : ALL) {
                if (w.periodNanos == nanos) {
                    return w;
                }
            }
            Watchdog w = new Watchdog(seam, nanos);
            ALL.add(w);
            return w;
        }
    }

    /** Starts looking at {@code port}; called under the port's lock, so it only enqueues and wakes. */
    void watch(EmulatedCompletionPort port) {
        ports.add(port);
        Thread t = thread;
        if (t == null) {
            synchronized (this) {
                if (!started) {
                    started = true;
                    seam.startDaemon("iocp4j-watchdog-" + Duration.ofNanos(periodNanos).toMillis() + "ms", this::run);
                    return;
                }
                t = thread;
            }
            if (t == null) {
                return; // starting: its first look at the queue will find this port
            }
        }
        seam.unpark(t);
    }

    private void run() {
        thread = Thread.currentThread();
        while (true) {
            if (ports.isEmpty()) {
                seam.park(this);
                continue;
            }
            seam.parkNanos(this, periodNanos);
            int n = ports.size();
            ThreadRecord me = ThreadRecord.current();
            for (int i = 0; i < n; i++) {
                EmulatedCompletionPort p = ports.poll();
                if (p != null && p.watchdogScan()) {
                    ports.add(p);
                }
                Throwable t = me.takeListenerFailure();
                if (t != null) { // nobody called: say it here (PortGate.event)
                    System.getLogger(Watchdog.class.getName()).log(System.Logger.Level.ERROR,
                            "a PortListener threw during the watchdog's look at " + p, t);
                }
            }
        }
    }
}
