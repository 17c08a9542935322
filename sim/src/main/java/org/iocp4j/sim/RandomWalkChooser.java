package org.iocp4j.sim;

import java.util.List;

/** Uniform choices. */
final class RandomWalkChooser implements Chooser {
    private final SimRandom random;

    RandomWalkChooser(SimRandom random) {
        this.random = random;
    }

    @Override
    public int choose(int point, List<SimThread> candidates) {
        return random.nextInt(candidates.size());
    }
}
