package org.iocp4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Control;

/**
 * Two-thread round trip: {@code ping} sends one item on lane 0 and waits for it on lane 1;
 * {@code pong} takes it from lane 0 and sends it back on lane 1. One item is in flight, so
 * every step is a hand-off to a thread that is waiting (or still spinning). The score is the
 * {@code ping} rate: round trips per second.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class RoundTrip {
    static final int THERE = 0;
    static final int BACK = 1;

    /** For JMH. */
    protected RoundTrip() {}

    /** Opens two new lanes. */
    protected abstract void open();

    /** Sends the item on {@code lane}. */
    protected abstract void send(int lane) throws InterruptedException;

    /** Waits for the item on {@code lane}; false once the measurement has stopped. */
    protected abstract boolean receive(int lane, PerThread me, Control control) throws InterruptedException;

    /** Closes the lanes, if open. */
    protected abstract void close();

    /**
     * New lanes for every iteration: one that ended between a send and its receive left the item
     * in a lane, and the next must again start with exactly one item in flight. (Draining is no
     * way to do that for a port: the drainer would need the concurrency slot that the thread
     * still associated with it holds, R23.)
     */
    @Setup(Level.Iteration)
    public void openLanes() {
        close();
        open();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        close();
    }

    @Benchmark
    @Group("roundTrip")
    @GroupThreads(1)
    public boolean ping(PerThread me, Control control) throws InterruptedException {
        send(THERE);
        return receive(BACK, me, control);
    }

    @Benchmark
    @Group("roundTrip")
    @GroupThreads(1)
    public boolean pong(PerThread me, Control control) throws InterruptedException {
        if (!receive(THERE, me, control)) {
            return false;
        }
        send(BACK);
        return true;
    }
}
