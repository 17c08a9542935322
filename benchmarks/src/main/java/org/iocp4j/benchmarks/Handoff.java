package org.iocp4j.benchmarks;

import java.util.Iterator;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Control;

/**
 * Post-to-dequeue throughput: producer threads send items, consumer threads remove them, through
 * one shared channel (a port or a queue), with 1 producer and 1 consumer ({@code p1c1}) and 2 and
 * 2 ({@code p2c2}). Items per second are the {@code produce*} rate (see {@link Backlog}).
 *
 * <p>Waits are timed ({@link #WAIT_MS}) and loop until the measurement stops, so that no thread
 * stays blocked when JMH ends an iteration; the same holds for every peer.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public abstract class Handoff {
    /** How long one blocking wait lasts before the thread looks at the measurement flag again. */
    static final long WAIT_MS = 10;
    /** What the queues carry and the port posts as its overlapped: one object, no allocation. */
    static final Object ITEM = new Object();

    private final Backlog backlog = new Backlog();

    /** For JMH. */
    protected Handoff() {}

    /** Opens the channel for {@code consumers} consumer threads. */
    protected abstract void open(int consumers);

    /** Sends one item; may block while the channel is full, but not past the measurement's end. */
    protected abstract void send(Control control) throws InterruptedException;

    /** Removes at least one item and returns how many, or 0 once the measurement has stopped. */
    protected abstract int receive(PerThread me, Control control) throws InterruptedException;

    /** Releases the channel and its threads. */
    protected abstract void close() throws InterruptedException;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(consumers(params));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        close();
    }

    /** The consumer threads of this run: the groups whose method name starts with "consume". */
    static int consumers(BenchmarkParams params) {
        int[] counts = params.getThreadGroups();
        Iterator<String> labels = params.getThreadGroupLabels().iterator();
        int n = 0;
        for (int count : counts) {
            if (labels.next().startsWith("consume")) {
                n += count;
            }
        }
        return n;
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public void produce1x1(PerThread me, Control control) throws InterruptedException {
        if (Backlog.measuring(control)) {
            send(control);
            backlog.produced(me, control);
        }
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public int consume1x1(PerThread me, Control control) throws InterruptedException {
        int n = receive(me, control);
        backlog.consumed(n);
        return n;
    }

    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public void produce2x2(PerThread me, Control control) throws InterruptedException {
        if (Backlog.measuring(control)) {
            send(control);
            backlog.produced(me, control);
        }
    }

    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public int consume2x2(PerThread me, Control control) throws InterruptedException {
        int n = receive(me, control);
        backlog.consumed(n);
        return n;
    }
}
