package org.iocp4j.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.iocp4j.PortEvent;
import org.iocp4j.internal.ThreadRecord;
import org.iocp4j.sim.io.SimIo;
import org.iocp4j.sim.io.kernel.SimKernel;

/**
 * Runs one simulation: simulated threads take turns, one at a time; at every scheduling point the
 * {@link Chooser} picks who runs next among the runnable ones; when every thread waits, virtual
 * time jumps to the next deadline; when none is pending, the run stops with a deadlock report.
 *
 * <p>Everything but {@link #stopped}, {@link #progress} and {@link #all} is touched only by the
 * simulated thread that holds the turn; handing the turn over (a volatile write and an unpark)
 * orders one thread's writes before the next one's reads.
 */
final class SimScheduler {
    final SimOptions options;
    final Sim handle;
    final Trace trace;
    long now;
    volatile boolean stopped;

    private final Chooser chooser;
    private final Strategy strategy;
    private final ReplayToken replay;
    private final ArrayList<SimThread> live = new ArrayList<>();
    private final CopyOnWriteArrayList<SimThread> all = new CopyOnWriteArrayList<>();
    private final IdentityHashMap<Thread, SimThread> byThread = new IdentityHashMap<>();
    private final IdentityHashMap<Object, String> portNames = new IdentityHashMap<>();
    private final ArrayList<SimThread> candidates = new ArrayList<>();
    private final IntList choices = new IntList();
    private final IntList counts = new IntList();
    private final SimReports reports;
    private SimThread running;
    private SimThread main;
    private long steps;
    private long switches;
    private volatile long progress;
    private boolean evaluating;
    private Thread controller;
    private Throwable failure;
    private String failedThread;
    private int actionCount = -1;
    private SimRandom data;
    private SimIo io;

    SimScheduler(SimOptions options) {
        this.options = options;
        this.replay = options.replay();
        Strategy s = options.strategy();
        if (s instanceof Strategy.Pct p && p.steps() == 0) {
            s = Strategy.pct(p.depth(), PctChooser.DEFAULT_STEPS);
        }
        this.strategy = s;
        this.chooser = Chooser.forRun(options);
        this.trace = new Trace(options.traceCapacity());
        this.handle = new Sim(this);
        this.reports = new SimReports(this);
    }

    // ---- the run, seen from the thread that called Sim.run -------------------------------

    SimResult run(Sim.Scenario scenario) {
        controller = Thread.currentThread();
        main = newThread("main", () -> scenario.run(handle), null);
        running = main;
        main.thread.start();
        main.giveTurn();
        reports.awaitEnd();
        String leaked = reports.joinCarriers(all);
        if (leaked != null && failure == null) {
            failure = new SimulationException(SimulationException.Kind.LEAK, leaked, token());
        }
        return new SimResult(token(), trace, failure, failedThread, steps, choices.toArray(), counts.toArray(),
                switches, now, actionCount, all.size());
    }

    long progress() {
        return progress;
    }

    SimThread runningThread() {
        return running;
    }

    /** The token of this run as made: the replay token followed, or the strategy and seed. */
    ReplayToken token() {
        return replay != null ? replay : ReplayToken.of(strategy, options.seed());
    }

    // ---- threads ---------------------------------------------------------------------------

    private SimThread newThread(String name, SimThread.Body body, SimThread creator) {
        SimThread t = new SimThread(this, all.size(), name, body);
        live.add(t);
        all.add(t);
        byThread.put(t.thread, t);
        chooser.started(t);
        record(t, TraceEvent.Kind.START, creator == null ? "scenario" : "by " + creator.name);
        return t;
    }

    Thread start(String name, SimThread.Body body) {
        SimThread me = caller("Sim.start");
        SimThread t = newThread(name, body, me);
        t.thread.start();
        reschedule(me);
        return t.thread;
    }

    /** {@code t}'s body returned: dissociate it (R29) and hand the turn on. */
    void exited(SimThread t, ThreadRecord record) {
        enter(t);
        record.exit();
        t.state = SimThread.State.DONE;
        live.remove(t);
        record(t, TraceEvent.Kind.EXIT, "");
        if (t == main) {
            end("main returned" + reports.stillWaiting(live));
            return;
        }
        reschedule(t);
    }

    /** {@code t} threw: the run fails with that exception. */
    void failed(SimThread t, Throwable e) {
        if (stopped) {
            return; // unwinding after the run ended
        }
        failure = e;
        failedThread = t.name;
        record(t, TraceEvent.Kind.FAIL, e.toString());
        end(t.name + " failed");
    }

    SimThread lookup(Thread thread, String what) {
        SimThread t = byThread.get(thread);
        if (t == null) {
            throw new IllegalArgumentException(what + ": thread '" + thread.getName()
                    + "' is not a thread of this simulation; start threads with Sim.start");
        }
        return t;
    }

    List<SimThread> live() {
        return live;
    }

    // ---- entry checks ----------------------------------------------------------------------

    /** The calling simulated thread, checked to be this run's and to hold the turn. */
    SimThread caller(String what) {
        SimThread me = SimThread.currentOrNull();
        if (me == null || me.sched != this) {
            throw new IllegalStateException(what + " was called from thread '" + Thread.currentThread().getName()
                    + "', which this simulation does not run: call it from the scenario given to Sim.run or from"
                    + " a thread started with Sim.start");
        }
        enter(me);
        return me;
    }

    /** Checks that {@code me} is the thread holding the turn, and that the run goes on. */
    void enter(SimThread me) {
        if (stopped) {
            throw new SimulationAborted();
        }
        if (evaluating) {
            throw new IllegalStateException("an awaitUntil condition called into the simulator (a port call, a"
                    + " wait, Sim.start...); a condition may only read state, such as port.stats()");
        }
        if (running != me || Thread.currentThread() != me.thread) {
            throw new IllegalStateException("simulated thread " + me.name + " was used from thread '"
                    + Thread.currentThread().getName() + "' while " + running.name + " runs");
        }
    }

    // ---- waiting and waking ----------------------------------------------------------------

    void wake(SimThread t) {
        if (stopped) {
            return;
        }
        SimThread me = SimThread.currentOrNull();
        if (me == null || me.sched != this) {
            throw new IllegalStateException("simulated thread " + t.name + " was woken from thread '"
                    + Thread.currentThread().getName() + "', which this simulation does not run; a port or kernel"
                    + " object used by a simulation must be used only by its simulated threads");
        }
        enter(me);
        switch (t.state) {
            case PARKED, TIMED -> {
                t.state = SimThread.State.RUNNABLE;
                t.blocker = null;
                record(t, TraceEvent.Kind.WAKE, "by " + me.name);
            }
            case DONE -> { }
            default -> t.permit = true;
        }
    }

    void awaitUntil(String what, BooleanSupplier condition) {
        SimThread me = caller("Sim.awaitUntil");
        if (holds(me, condition)) {
            return;
        }
        me.state = SimThread.State.AWAITING;
        me.condition = condition;
        me.awaiting = what;
        record(me, TraceEvent.Kind.AWAIT, what);
        reschedule(me);
    }

    void busy() {
        SimThread me = caller("Sim.busy");
        me.yielding = true;
        chooser.yielded(me);
        record(me, TraceEvent.Kind.BUSY, "");
        try {
            reschedule(me);
        } finally {
            me.yielding = false;
        }
    }

    void interrupt(Thread thread) {
        SimThread me = caller("Sim.interrupt");
        SimThread t = lookup(thread, "Sim.interrupt");
        record(t, TraceEvent.Kind.INTERRUPT, "by " + me.name);
        t.thread.interrupt();
        if (t.state == SimThread.State.PARKED || t.state == SimThread.State.TIMED) {
            t.state = SimThread.State.RUNNABLE;
            t.blocker = null;
        }
    }

    // ---- the scheduling decision -----------------------------------------------------------

    /**
     * A scheduling point of {@code me}, whose state says whether it may go on: picks who runs
     * next and, if that is another thread, hands it the turn and waits to get it back.
     */
    void reschedule(SimThread me) {
        if (++steps > options.maxSteps()) {
            stop(SimulationException.Kind.STEP_BUDGET, reports.stepBudget(steps - 1));
        }
        progress = steps;
        me.spinning = me.yielding;
        SimThread next = pick(me);
        if (next == me) {
            return;
        }
        switches++;
        running = next;
        boolean ended = me.state == SimThread.State.DONE; // read before next may touch me
        next.giveTurn();
        if (!ended) {
            me.awaitTurn();
        }
    }

    private SimThread pick(SimThread me) {
        collect(me);
        while (candidates.isEmpty()) {
            if (!advanceTime()) {
                stop(SimulationException.Kind.DEADLOCK, reports.deadlock(live));
            }
            collect(me);
        }
        if (onlySpinners() && spinTime()) {
            collect(me);
        }
        int n = candidates.size();
        int c = 0;
        if (n > 1) {
            c = Math.floorMod(chooser.choose(choices.size(), candidates), n);
            choices.add(c);
            counts.add(n);
        }
        SimThread next = candidates.get(c);
        if (next.state == SimThread.State.AWAITING) {
            next.state = SimThread.State.RUNNABLE;
            next.condition = null;
            next.awaiting = null;
        }
        if (next != me || c != 0) {
            record(next, TraceEvent.Kind.SWITCH, c == 0 ? "from " + me.name
                    : "from " + me.name + "  <- decision " + (choices.size() - 1) + ":" + c + " (candidate " + c
                            + " of " + n + ")");
        }
        return next;
    }

    private boolean onlySpinners() {
        for (SimThread t : candidates) {
            if (!t.spinning) {
                return false;
            }
        }
        return true;
    }

    /** The candidates, default first: {@code me} if it may go on, else the next one round-robin. */
    private void collect(SimThread me) {
        candidates.clear();
        int n = live.size();
        int start = 0;
        if (me.state == SimThread.State.RUNNABLE && !me.yielding) {
            start = live.indexOf(me);
        } else {
            for (int i = 0; i < n; i++) {
                if (live.get(i).id > me.id) {
                    start = i;
                    break;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            SimThread t = live.get((start + k) % n);
            if (t.state == SimThread.State.RUNNABLE
                    || (t.state == SimThread.State.AWAITING && holds(t, t.condition))) {
                candidates.add(t);
            }
        }
    }

    private boolean holds(SimThread t, BooleanSupplier condition) {
        boolean holds;
        evaluating = true;
        try {
            holds = condition.getAsBoolean();
        } catch (RuntimeException | Error e) {
            evaluating = false;
            failure = e;
            failedThread = t.name;
            record(t, TraceEvent.Kind.FAIL, "awaitUntil(" + t.awaiting + ") threw " + e);
            end(t.name + "'s condition failed");
            throw new SimulationAborted();
        } finally {
            evaluating = false;
        }
        return holds;
    }

    /**
     * Only spinning threads could run: spinning takes time, as on real threads, so virtual time
     * moves on by one quantum, and deadlines that came due fire. True if a thread was woken.
     */
    private boolean spinTime() {
        long to = now + options.spinQuantumNanos();
        if (to > options.maxTimeNanos()) {
            stop(SimulationException.Kind.TIME_BUDGET, reports.spinBudget());
        }
        now = to;
        boolean woke = false;
        for (SimThread t : live) {
            if (t.state == SimThread.State.TIMED && t.deadline <= now) {
                t.state = SimThread.State.RUNNABLE;
                t.blocker = null;
                record(t, TraceEvent.Kind.TIMER, "deadline reached while others spin");
                woke = true;
            }
        }
        return woke;
    }

    /** Every thread waits: virtual time jumps to the earliest deadline. False if none is pending. */
    private boolean advanceTime() {
        long next = Long.MAX_VALUE;
        SimThread first = null;
        for (SimThread t : live) {
            if (t.state == SimThread.State.TIMED && (first == null || t.deadline < next)) {
                next = t.deadline;
                first = t;
            }
        }
        if (first == null) {
            return false;
        }
        if (next > options.maxTimeNanos()) {
            stop(SimulationException.Kind.TIME_BUDGET, reports.timeBudget(first));
        }
        now = Math.max(now, next);
        for (SimThread t : live) {
            if (t.state == SimThread.State.TIMED && t.deadline <= now) {
                t.state = SimThread.State.RUNNABLE;
                t.blocker = null;
                record(t, TraceEvent.Kind.TIMER, "deadline reached");
            }
        }
        return true;
    }

    // ---- ending ----------------------------------------------------------------------------

    /** Stops the run with a {@link SimulationException} and unwinds the calling thread. */
    void stop(SimulationException.Kind kind, String message) {
        failure = new SimulationException(kind, message + reports.traceAndToken(), token());
        end(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        throw new SimulationAborted();
    }

    /** Ends the run: every other simulated thread unwinds, the controller returns. */
    synchronized void end(String why) {
        if (stopped) {
            return;
        }
        if (running != null && Thread.currentThread() == running.thread) {
            record(null, TraceEvent.Kind.END, why);
        }
        stopped = true;
        for (SimThread t : all) {
            if (t.thread != Thread.currentThread()) {
                t.giveTurn();
            }
        }
        Carrier.unpark(controller);
    }

    /** Called by the controller when the running thread stalls (real time, no scheduling point). */
    synchronized void stalled(String message) {
        if (!stopped) {
            failure = new SimulationException(SimulationException.Kind.STALL, message, token());
            end("stall");
        }
    }

    Thread controller() {
        return controller;
    }

    // ---- trace -----------------------------------------------------------------------------

    void record(SimThread t, TraceEvent.Kind kind, String detail) {
        trace.add(steps, now, t == null ? "-" : t.name, kind, detail);
    }

    /** A port event, from the engine's listener, on the thread that made it. */
    void portEvent(Object port, PortEvent event, Thread thread, long key, int active, int queued) {
        if (stopped || running == null || Thread.currentThread() != running.thread) {
            return;
        }
        SimThread t = byThread.get(thread);
        TraceEvent.Kind kind = SimReports.kindOf(event);
        boolean keyed = kind == TraceEvent.Kind.QUEUE || kind == TraceEvent.Kind.HANDOFF
                || kind == TraceEvent.Kind.DEQUEUE;
        String detail = portName(port) + (keyed ? " key=" + key : "") + " active=" + active + " queued=" + queued
                + (kind == TraceEvent.Kind.PORT ? " " + event : "");
        trace.add(steps, now, t != null ? t.name : thread.getName(), kind, detail);
    }

    /**
     * The simulation's name of an engine port: port1, port2... in the order the simulation opened
     * them (a port opened outside it is named when first used).
     */
    String portName(Object port) {
        String name = portNames.get(port);
        if (name == null) {
            name = "port" + (portNames.size() + 1);
            portNames.put(port, name);
        }
        return name;
    }

    /** What a thread is parked on, by name: a port, a kernel object's class, Sleep. */
    String describe(Object blocker) {
        if (blocker == null) {
            return "nothing";
        }
        String port = portNames.get(blocker);
        if (port != null) {
            return port;
        }
        return blocker instanceof Class<?> c ? c.getSimpleName() : blocker.getClass().getSimpleName();
    }

    // ---- scenario data ---------------------------------------------------------------------

    SimIo io() {
        if (io == null) {
            io = new SimKernel(handle, options.io());
        }
        return io;
    }

    SimRandom random() {
        if (data == null) {
            data = SimRandom.of(options.seed(), Chooser.Salt.DATA);
        }
        return data;
    }

    <A> List<A> actions(int count, java.util.function.Function<SimRandom, A> generator) {
        if (actionCount >= 0) {
            throw new IllegalStateException("Sim.actions may be called once per run: the runner shrinks one action list");
        }
        SimRandom r = SimRandom.of(options.seed(), Chooser.Salt.ACTIONS);
        List<A> generated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            generated.add(generator.apply(r));
        }
        actionCount = count;
        int[] kept = replay != null ? replay.keptActions() : null;
        if (kept == null) {
            return Collections.unmodifiableList(generated);
        }
        List<A> out = new ArrayList<>(kept.length);
        for (int k : kept) {
            if (k < count) {
                out.add(generated.get(k));
            }
        }
        return Collections.unmodifiableList(out);
    }
}
