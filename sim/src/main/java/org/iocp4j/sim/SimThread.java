package org.iocp4j.sim;

import java.util.function.BooleanSupplier;
import org.iocp4j.internal.Seam;
import org.iocp4j.internal.ThreadRecord;

/**
 * One simulated thread: a real carrier thread that runs only when the scheduler gives it the
 * turn, and its {@link Seam}, through which the engine and the kernel objects park, wake and read
 * the virtual clock. Its fields are touched only by the thread that holds the turn.
 */
final class SimThread implements Seam {
    enum State { RUNNABLE, PARKED, TIMED, AWAITING, DONE }

    /** What a simulated thread runs. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    final SimScheduler sched;
    final int id;
    final String name;
    final Thread thread;
    private final Body body;

    State state = State.RUNNABLE;
    /** An unpark arrived while it was not parked (LockSupport semantics). */
    boolean permit;
    /** Virtual time a TIMED thread wakes at. */
    long deadline;
    Object blocker;
    BooleanSupplier condition;
    String awaiting;
    /** It called busy(): the default choice is another thread. */
    boolean yielding;
    /** Its last scheduling point was busy(): it spins, and time may pass while only spinners can run. */
    boolean spinning;
    /** The next scheduling point was already taken by the caller (SimPort.post). */
    boolean pointTaken;

    private volatile boolean turn;

    SimThread(SimScheduler sched, int id, String name, Body body) {
        this.sched = sched;
        this.id = id;
        this.name = name;
        this.body = body;
        this.thread = Carrier.newThread(name, this::carry, sched.options.virtualThreads());
    }

    /** The calling thread's simulated self, or null on a thread no simulation runs. */
    static SimThread currentOrNull() {
        return ThreadRecord.current().seam() instanceof SimThread s ? s : null;
    }

    private void carry() {
        ThreadRecord record = ThreadRecord.bind(this);
        try {
            awaitTurn();
            body.run();
        } catch (SimulationAborted stop) {
            return;
        } catch (Throwable failure) {
            sched.failed(this, failure);
            return;
        }
        try {
            sched.exited(this, record);
        } catch (SimulationAborted stop) {
            // the run ended (deadlock, budget) while this thread handed over its turn
        }
    }

    /** Gives this thread the turn; called by the thread that held it (or by the end of the run). */
    void giveTurn() {
        turn = true;
        Carrier.unpark(thread);
    }

    /** Waits for the turn; throws {@link SimulationAborted} if the run has stopped meanwhile. */
    void awaitTurn() {
        boolean interrupted = false;
        while (!turn) {
            Carrier.park(this);
            if (Thread.interrupted()) { // else park would return at once, over and over
                interrupted = true;
            }
        }
        turn = false;
        if (interrupted) {
            thread.interrupt();
        }
        if (sched.stopped) {
            throw new SimulationAborted();
        }
    }

    @Override
    public long nanoTime() {
        sched.enter(this);
        return sched.now;
    }

    @Override
    public void park(Object blocker) {
        sched.enter(this);
        if (permit) {
            permit = false;
            return;
        }
        state = State.PARKED;
        this.blocker = blocker;
        sched.record(this, TraceEvent.Kind.PARK, "on " + sched.describe(blocker));
        sched.reschedule(this);
    }

    @Override
    public void parkNanos(Object blocker, long nanos) {
        sched.enter(this);
        if (permit) {
            permit = false;
            return;
        }
        if (nanos <= 0) {
            return;
        }
        state = State.TIMED;
        this.blocker = blocker;
        long now = sched.now;
        deadline = now + nanos < now ? Long.MAX_VALUE : now + nanos;
        sched.record(this, TraceEvent.Kind.PARK, "on " + sched.describe(blocker) + " for " + TraceEvent.millis(nanos));
        sched.reschedule(this);
    }

    @Override
    public void unpark(Thread target) {
        if (target != thread) {
            throw new IllegalArgumentException("a simulated thread's seam wakes only that thread (" + name
                    + "), not " + target.getName());
        }
        sched.wake(this);
    }

    @Override
    public int spinTries() {
        return 0;
    }

    /** Nothing: the call's scheduling point already let the scheduler pick who runs next. */
    @Override
    public void yieldProcessor() {
        // a simulated thread never yields its carrier behind the scheduler's back
    }

    @Override
    public void schedulingPoint() {
        sched.enter(this);
        if (pointTaken) {
            pointTaken = false;
            return;
        }
        sched.reschedule(this);
    }

    @Override
    public boolean startDaemon(String name, Runnable body) {
        return false; // the simulator reports thread exit itself (R29)
    }

    @Override
    public String toString() {
        return "SimThread[" + name + ", " + state + "]";
    }
}
