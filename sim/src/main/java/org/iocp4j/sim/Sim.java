package org.iocp4j.sim;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.sim.io.SimIo;

/**
 * The deterministic simulator: runs a scenario and the threads it starts one at a time under a
 * seeded scheduler, with virtual time. Every port call, kernel-object wait and sleep is a
 * scheduling point; when every thread waits, time jumps to the next deadline; when none is
 * pending the run stops with a deadlock report. The ports are the engine production runs, driven
 * through its seam. A run is a pure function of its seed: the same seed gives the same trace.
 *
 * <pre>{@code
 * SimResult r = Sim.run(SimOptions.builder().seed(42).build(), sim -> {
 *     CompletionPort port = sim.openPort(1);
 *     Thread worker = sim.start("worker", () -> port.dequeue(new CompletionEntry()));
 *     port.post(7, 0, null);
 *     sim.join(worker);
 * });
 * r.assertPassed();
 * }</pre>
 *
 * <p>An instance belongs to one run; its methods must be called from that run's simulated threads
 * (the scenario, and threads started with {@link #start}), else they throw
 * {@link IllegalStateException}.
 */
public final class Sim {
    private final SimScheduler sched;

    Sim(SimScheduler sched) {
        this.sched = sched;
    }

    /** A scenario: runs as the simulation's thread {@code main}; the run ends when it returns. */
    @FunctionalInterface
    public interface Scenario {
        void run(Sim sim) throws Exception;
    }

    /**
     * Runs {@code scenario} to its end, a failure, a deadlock or a budget, and says which. Blocks
     * the calling thread, which must not be a simulated one.
     */
    public static SimResult run(SimOptions options, Scenario scenario) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(scenario, "scenario");
        if (SimThread.currentOrNull() != null) {
            throw new IllegalStateException("Sim.run was called from a simulated thread; simulations do not nest");
        }
        return new SimScheduler(options).run(scenario);
    }

    /** Runs {@code scenario} with a random walk from {@code seed} and default budgets. */
    public static SimResult run(long seed, Scenario scenario) {
        return run(SimOptions.builder().seed(seed).build(), scenario);
    }

    /**
     * The simulation the calling thread belongs to.
     *
     * @throws IllegalStateException on a thread no simulation runs
     */
    public static Sim current() {
        SimThread me = SimThread.currentOrNull();
        if (me == null) {
            throw new IllegalStateException("Sim.current() was called from thread '" + Thread.currentThread().getName()
                    + "', which no simulation runs: call it from a scenario given to Sim.run or from a thread"
                    + " started with Sim.start");
        }
        return me.sched.handle;
    }

    /** True on a thread a simulation runs. */
    public static boolean isSimulated() {
        return SimThread.currentOrNull() != null;
    }

    /**
     * Starts a simulated thread running {@code body}; it is runnable at once, and this call is a
     * scheduling point. An exception thrown by {@code body} fails the run.
     */
    public Thread start(String name, Runnable body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        return sched.start(name, body::run);
    }

    /**
     * Waits until {@code thread} (started with {@link #start}) has ended.
     *
     * @throws IllegalArgumentException if it is not a thread of this simulation
     */
    public void join(Thread thread) {
        Objects.requireNonNull(thread, "thread");
        SimThread me = sched.caller("Sim.join");
        SimThread t = sched.lookup(thread, "Sim.join");
        if (t == me) {
            throw new IllegalArgumentException("Sim.join: thread " + me.name + " cannot wait for itself to end");
        }
        sched.awaitUntil(t.name + " ends", () -> t.state == SimThread.State.DONE);
    }

    /**
     * Lets the other threads run, and virtual time pass when they all wait, until {@code condition}
     * holds; returns at once if it holds now. The condition is evaluated by the scheduler between
     * steps: it may only read state (flags, {@code port.stats()}), never call a port or wait. If it
     * can never hold (nothing else can run and no timer is pending), the run stops with a deadlock
     * report naming {@code what}.
     */
    public void awaitUntil(String what, BooleanSupplier condition) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(condition, "condition");
        sched.awaitUntil(what, condition);
    }

    /**
     * A scheduling point that is not a wait: the calling thread stays runnable but offers the turn,
     * as a spin loop does. Put it in every loop that waits for another thread without blocking.
     * Spinning takes time: when only spinning threads could run, each round moves virtual time on
     * by {@link SimOptions#spinQuantumNanos()}, so a spinner waiting for a sleeper is not stuck.
     */
    public void busy() {
        sched.busy();
    }

    /** Interrupts a simulated thread, waking it if it is parked. */
    public void interrupt(Thread thread) {
        Objects.requireNonNull(thread, "thread");
        sched.interrupt(thread);
    }

    /** Virtual time in nanoseconds; starts at 0. */
    public long nanoTime() {
        sched.caller("Sim.nanoTime");
        return sched.now;
    }

    /** The seed of this run. */
    public long seed() {
        return sched.options.seed();
    }

    /** The simulated machine's processors (the concurrency of a port opened with 0, R1). */
    public int processors() {
        return sched.options.processors();
    }

    /**
     * Random numbers for the scenario's data: one stream shared by the run's threads, so which
     * thread draws which number is a function of the seed and the schedule (a replay token gives
     * the same draws; with one thread drawing, of the seed alone).
     */
    public SimRandom random() {
        sched.caller("Sim.random");
        return sched.random();
    }

    /**
     * The scenario's action list: {@code count} actions made by {@code generator} from the seed.
     * The property runner shrinks a failing run by dropping actions, so a replay may return a
     * sublist; the actions must not depend on each other's presence to be valid. Once per run.
     *
     * @throws IllegalStateException if called twice in a run
     */
    public <A> List<A> actions(int count, Function<SimRandom, A> generator) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        Objects.requireNonNull(generator, "generator");
        sched.caller("Sim.actions");
        return sched.actions(count, generator);
    }

    /** Opens a simulated port: the engine driven by the simulator (0 = {@link #processors()}, R1). */
    public CompletionPort openPort(PortOptions options) {
        Objects.requireNonNull(options, "options");
        sched.caller("Sim.openPort");
        SimPort port = SimPort.open(options, processors());
        port.nameIn(sched); // trace names follow the opening order
        return port;
    }

    /** Opens a simulated port with concurrency {@code n}. */
    public CompletionPort openPort(int concurrency) {
        return openPort(PortOptions.withConcurrency(concurrency));
    }

    /**
     * The simulated network and file system of this run, behind every simulated port's
     * {@code io()}, with the census of the handles opened ({@link SimIo#checkNoLeaks()}). Made on
     * first use with {@link SimOptions#io()}; one per run.
     */
    public SimIo io() {
        sched.caller("Sim.io");
        return sched.io();
    }

    /** The trace so far. */
    public Trace trace() {
        return sched.trace;
    }

    @Override
    public String toString() {
        return "Sim[" + sched.token() + "]";
    }
}
