package org.iocp4j.benchmarks.sim;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer of {@link SimScheduler}: two threads hand a turn back and forth with park/unpark, the
 * cheapest switch Java offers, on platform or virtual threads. Each round trip is two switches.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class ParkPingPong {

    @Param({"virtual", "platform"})
    public String threads;

    private volatile int turn;
    private volatile boolean stop;
    private Thread partner;
    private Thread me;

    /** Switches per iteration, as a rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Switches {
        public long switches;

        @Setup(Level.Iteration)
        public void clear() {
            switches = 0;
        }
    }

    @Setup(Level.Trial)
    public void start() {
        stop = false;
        turn = 0;
        Runnable body = () -> {
            while (!stop) {
                while (turn != 1 && !stop) {
                    LockSupport.park(this);
                }
                turn = 0;
                LockSupport.unpark(me);
            }
        };
        partner = "virtual".equals(threads) ? Thread.ofVirtual().start(body) : Thread.ofPlatform().daemon().start(body);
    }

    /** One round trip: hand the turn over, wait for it back. */
    @Benchmark
    public void roundTrip(Switches counters) {
        me = Thread.currentThread();
        turn = 1;
        LockSupport.unpark(partner);
        while (turn != 0) {
            LockSupport.park(this);
        }
        counters.switches += 2;
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        stop = true;
        LockSupport.unpark(partner);
        partner.join();
    }
}
