package org.iocp4j.benchmarks.sim;

import java.util.concurrent.TimeUnit;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimOptions;
import org.iocp4j.sim.SimResult;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's speed (simulator issue, item 9): seeds per second of a 4-thread, 100-operation
 * port scenario, and thread switches per second of the scheduler, reported as the auxiliary
 * counter {@code switches} (JMH prints it as a rate). {@link ParkPingPong} is the peer: a bare
 * two-thread park/unpark ping-pong, two switches per round trip.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SimScheduler {

    /** Carrier threads of the simulated threads. */
    @Param({"virtual", "platform"})
    public String carriers;

    private long seed;
    private SimOptions.Builder options;

    /** Switches and steps of the simulations run in an iteration, as rates. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Switches {
        public long switches;
        public long steps;

        @Setup(Level.Iteration)
        public void clear() {
            switches = 0;
            steps = 0;
        }
    }

    @Setup
    public void setUp() {
        options = SimOptions.builder().virtualThreads("virtual".equals(carriers)).traceCapacity(256);
    }

    /** One seed of the 4-thread, 100-operation scenario: a fresh schedule each time. */
    @Benchmark
    public long seeds(Switches counters) {
        SimResult r = Sim.run(options.seed(seed++).build(), SimScheduler::fourThreadsHundredOperations);
        r.assertPassed();
        counters.switches += r.switches();
        counters.steps += r.steps();
        return r.steps();
    }

    /** 2 producers post 25 packets each, 2 consumers take 25 each: 100 port operations. */
    static void fourThreadsHundredOperations(Sim sim) {
        CompletionPort port = sim.openPort(2);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < 2; t++) {
            int base = t * 100;
            threads[t] = sim.start("producer-" + t, () -> {
                for (int i = 0; i < 25; i++) {
                    port.post(base + i, 0, null);
                }
            });
            threads[t + 2] = sim.start("consumer-" + t, () -> {
                CompletionEntry e = new CompletionEntry();
                for (int i = 0; i < 25; i++) {
                    port.dequeue(e);
                }
            });
        }
        for (Thread t : threads) {
            sim.join(t);
        }
        port.close();
    }
}
