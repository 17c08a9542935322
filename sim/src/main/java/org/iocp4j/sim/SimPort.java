package org.iocp4j.sim;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionHandler;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortCapabilities;
import org.iocp4j.PortEvent;
import org.iocp4j.PortListener;
import org.iocp4j.PortOptions;
import org.iocp4j.PortStats;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.internal.Seam;
import org.iocp4j.io.IoFactory;
import org.iocp4j.sim.io.kernel.SimIoFactory;

/**
 * The simulator's port: the production engine ({@link EmulatedCompletionPort}), whose every call
 * is a scheduling point and whose every event goes to the simulation's trace. It may be opened on
 * any thread, but only simulated threads may post to it or dequeue from it; once its simulation
 * has ended, any thread may close it.
 */
public final class SimPort implements CompletionPort {
    /** What the simulator enforces and sees: everything, deterministically. */
    public static final PortCapabilities CAPABILITIES = new PortCapabilities(true, true, true, true, true, true, true);

    private final EmulatedCompletionPort engine;
    private final IoFactory io;
    private volatile SimScheduler user;

    private SimPort(EmulatedCompletionPort engine) {
        this.engine = engine;
        this.io = new SimIoFactory(this, engine);
    }

    /**
     * Opens a simulated port; concurrency 0 means {@code processors} (R1). The options' watchdog
     * settings do not apply: the simulator sees every wait and every thread exit itself.
     */
    public static SimPort open(PortOptions options, int processors) {
        Objects.requireNonNull(options, "options");
        if (processors < 1) {
            throw new IllegalArgumentException("processors must be >= 1, got " + processors);
        }
        Relay relay = new Relay(options.listener());
        PortOptions engineOptions = PortOptions.builder()
                .concurrency(options.concurrency() == 0 ? processors : options.concurrency())
                .watchdogPeriod(options.watchdogPeriod())
                .listener(relay)
                .build();
        EmulatedCompletionPort engine = new EmulatedCompletionPort("sim", CAPABILITIES, engineOptions, NO_HELPERS);
        relay.engine = engine;
        return new SimPort(engine);
    }

    /** Gives the port its trace name in {@code sched} now. */
    void nameIn(SimScheduler sched) {
        sched.portName(engine);
    }

    private SimThread require(String what) {
        SimThread me = SimThread.currentOrNull();
        if (me == null) {
            throw new IllegalStateException("CompletionPort." + what + " on a simulated port was called from thread '"
                    + Thread.currentThread().getName() + "', which no simulation runs: use a simulated port only"
                    + " from the scenario given to Sim.run and the threads it starts with Sim.start");
        }
        me.sched.enter(me);
        user = me.sched;
        me.sched.portName(engine);
        return me;
    }

    @Override
    public String backend() {
        return "sim";
    }

    @Override
    public PortCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public int concurrency() {
        return engine.concurrency();
    }

    @Override
    public boolean isClosed() {
        return engine.isClosed();
    }

    /** {@inheritDoc} The scheduling point comes first, then the POST event, then the insert. */
    @Override
    public void post(long key, int bytes, Object overlapped) {
        SimThread me = require("post");
        me.schedulingPoint();
        me.sched.record(me, TraceEvent.Kind.POST, me.sched.portName(engine) + " key=" + key + " bytes="
                + Integer.toUnsignedString(bytes));
        me.pointTaken = true; // the engine's own scheduling point was just taken
        try {
            engine.post(key, bytes, overlapped);
        } finally {
            me.pointTaken = false;
        }
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into) {
        require("dequeue");
        return engine.dequeue(into);
    }

    @Override
    public DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit) {
        require("dequeue");
        return engine.dequeue(into, timeout, unit);
    }

    @Override
    public DequeueStatus poll(CompletionHandler handler, int limit) {
        require("poll");
        return engine.poll(handler, limit);
    }

    @Override
    public DequeueStatus poll(CompletionHandler handler, int limit, long timeout, TimeUnit unit) {
        require("poll");
        return engine.poll(handler, limit, timeout, unit);
    }

    /**
     * {@inheritDoc} Simulated sockets and files on the simulated kernel of the calling thread's run
     * ({@link Sim#io()}); open them from the run's simulated threads. Any simulated port of the run
     * takes any of its handles.
     */
    @Override
    public IoFactory io() {
        return io;
    }

    @Override
    public PortStats stats() {
        return engine.stats();
    }

    /** The engine's invariants (active count, stranded packets): null when they hold. */
    public String invariantViolation() {
        return engine.invariantViolation();
    }

    /**
     * {@inheritDoc} From a thread no simulation runs, only once the simulation that used the port
     * has ended (clean-up after a test).
     */
    @Override
    public void close() {
        if (SimThread.currentOrNull() == null) {
            SimScheduler u = user;
            if (u != null && !u.stopped) {
                throw new IllegalStateException("CompletionPort.close on a simulated port was called from thread '"
                        + Thread.currentThread().getName() + "' while its simulation runs; close it from a simulated"
                        + " thread, or after Sim.run returned");
            }
            engine.close();
            return;
        }
        require("close");
        engine.close();
    }

    @Override
    public String toString() {
        return "SimPort[concurrency=" + engine.concurrency() + (engine.isClosed() ? ", closed]" : "]");
    }

    /** Sends the engine's events to the trace of the simulation of the thread that made them. */
    private static final class Relay implements PortListener {
        private final PortListener user;
        EmulatedCompletionPort engine;

        Relay(PortListener user) {
            this.user = user;
        }

        @Override
        public void onEvent(PortEvent event, Thread thread, long key, int activeThreads, int queuedPackets) {
            SimThread me = SimThread.currentOrNull();
            if (me != null) {
                me.sched.portEvent(engine, event, thread, key, activeThreads, queuedPackets);
            }
            if (user != null) {
                user.onEvent(event, thread, key, activeThreads, queuedPackets);
            }
        }
    }

    /** The seam given to the engine for its watchdog: the simulator runs no helper threads. */
    private static final Seam NO_HELPERS = new Seam() {
        @Override
        public long nanoTime() {
            throw new UnsupportedOperationException("the port's seam is not a thread's");
        }

        @Override
        public void park(Object blocker) {
            throw new UnsupportedOperationException("the port's seam is not a thread's");
        }

        @Override
        public void parkNanos(Object blocker, long nanos) {
            throw new UnsupportedOperationException("the port's seam is not a thread's");
        }

        @Override
        public void unpark(Thread thread) {
            throw new UnsupportedOperationException("the port's seam is not a thread's");
        }

        @Override
        public int spinTries() {
            return 0;
        }

        @Override
        public void schedulingPoint() {
            // no thread behind it
        }

        @Override
        public boolean startDaemon(String name, Runnable body) {
            return false;
        }
    };
}
