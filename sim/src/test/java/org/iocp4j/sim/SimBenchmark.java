package org.iocp4j.sim;

import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;

/**
 * A quick stand-alone measure of the simulator (the JMH version belongs in benchmarks/): thread
 * switches per second of the scheduler, and seeds per second of small scenarios. Run with the
 * test class path: {@code java -cp ... org.iocp4j.sim.SimBenchmark}.
 */
public final class SimBenchmark {
    private SimBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (boolean virtual : new boolean[] {true, false}) {
            for (int i = 0; i < rounds; i++) {
                switches("busy x4", virtual, 4, SimBenchmark::spin);
            }
            for (int i = 0; i < rounds; i++) {
                switches("port ping-pong", virtual, 2, SimBenchmark::pingPong);
            }
        }
        for (int i = 0; i < rounds; i++) {
            seeds("worked example (fixed)", 2000, WorkedExampleTest.everyBufferIsRecycled(true));
        }
        for (int i = 0; i < rounds; i++) {
            seeds("4 threads, 1000 steps", 200, Scenarios::producersAndConsumers);
        }
    }

    private static final int SPINS = 200_000;

    private static void spin(Sim sim) {
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = sim.start("spinner-" + t, () -> {
                for (int i = 0; i < SPINS; i++) {
                    sim.busy();
                }
            });
        }
        for (Thread t : ts) {
            sim.join(t);
        }
    }

    private static void pingPong(Sim sim) {
        CompletionPort ping = sim.openPort(1);
        CompletionPort pong = sim.openPort(1);
        Thread other = sim.start("pong", () -> {
            CompletionEntry e = new CompletionEntry();
            for (int i = 0; i < SPINS; i++) {
                ping.dequeue(e);
                pong.post(i, 0, null);
            }
        });
        CompletionEntry e = new CompletionEntry();
        for (int i = 0; i < SPINS; i++) {
            ping.post(i, 0, null);
            pong.dequeue(e);
        }
        sim.join(other);
    }

    private static void switches(String name, boolean virtual, int threads, Sim.Scenario scenario) {
        SimOptions o = SimOptions.builder().seed(1).virtualThreads(virtual).traceCapacity(1024).maxSteps(100_000_000)
                .build();
        long t0 = System.nanoTime();
        SimResult r = Sim.run(o, scenario);
        long ns = System.nanoTime() - t0;
        r.assertPassed();
        System.out.printf("%-24s %-8s %,12.0f switches/s %,12.0f steps/s  (%,d switches, %,d steps, %d ms)%n", name,
                virtual ? "virtual" : "platform", r.switches() * 1e9 / ns, r.steps() * 1e9 / ns, r.switches(),
                r.steps(), ns / 1_000_000);
    }

    private static void seeds(String name, int n, Sim.Scenario scenario) {
        long t0 = System.nanoTime();
        PropertyReport report = PropertyRunner.of(scenario).seeds(n).check();
        long ns = System.nanoTime() - t0;
        System.out.printf("%-24s %,10.0f seeds/s  (%d seeds, %,d steps in %d ms)%n", name, n * 1e9 / ns, report.runs(),
                report.steps(), ns / 1_000_000);
    }
}
