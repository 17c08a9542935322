package org.iocp4j.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Control;

/**
 * Executor hand-off, the shape of {@link Handoff} with the pool's threads as the consumers:
 * producers {@code execute} one task per item on a pool of as many threads as there are
 * producers (1 in {@code p1c1}, 2 in {@code p2c2}); the task counts the item. Items per second
 * are the {@code produce*} rate, as for the queues.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExecutorHandoff {
    /** ThreadPoolExecutor: a fixed pool on a LinkedBlockingQueue; ForkJoinPool: external submissions. */
    @Param({"ThreadPoolExecutor", "ForkJoinPool"})
    public String executor;

    private final Backlog backlog = new Backlog();
    /** The one task, reused: the work per item is counting it. */
    private final Runnable task = backlog::consumedOne;
    private ExecutorService pool;

    /** For JMH. */
    public ExecutorHandoff() {}

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        int threads = params.getThreads();
        pool = switch (executor) {
            case "ThreadPoolExecutor" -> {
                ThreadPoolExecutor tpe = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                        new LinkedBlockingQueue<>());
                tpe.prestartAllCoreThreads();
                yield tpe;
            }
            case "ForkJoinPool" -> new ForkJoinPool(threads);
            default -> throw new IllegalArgumentException("executor must be ThreadPoolExecutor or ForkJoinPool, got "
                    + executor);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        pool.shutdownNow();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(executor + " did not terminate within 10 s");
        }
    }

    @Benchmark
    @Group("p1c1")
    @GroupThreads(1)
    public void produce1x1(PerThread me, Control control) {
        if (Backlog.measuring(control)) {
            pool.execute(task);
            backlog.produced(me, control);
        }
    }

    @Benchmark
    @Group("p2c2")
    @GroupThreads(2)
    public void produce2x2(PerThread me, Control control) {
        if (Backlog.measuring(control)) {
            pool.execute(task);
            backlog.produced(me, control);
        }
    }
}
