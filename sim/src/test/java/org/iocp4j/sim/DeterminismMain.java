package org.iocp4j.sim;

/** Runs {@link Scenarios#producersAndConsumers} from a seed and prints its trace hash: run in a fresh JVM. */
public final class DeterminismMain {
    private DeterminismMain() {}

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        SimResult r = Sim.run(seed, Scenarios::producersAndConsumers);
        r.assertPassed();
        System.out.println("hash=" + r.trace().hashHex() + " steps=" + r.steps() + " events=" + r.trace().size());
    }
}
