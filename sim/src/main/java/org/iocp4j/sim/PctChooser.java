package org.iocp4j.sim;

import java.util.Arrays;
import java.util.List;

/**
 * PCT (Burckhardt et al., ASPLOS 2010): random distinct priorities, the highest-priority candidate
 * runs, and at depth - 1 random choice points the thread about to run drops below every initial
 * priority. A thread that spins ({@link Sim#busy()}) drops to the lowest priority, so spin loops
 * cannot starve the thread they wait for.
 */
final class PctChooser implements Chooser {
    static final int DEFAULT_STEPS = 100;

    private final SimRandom random;
    private final int depth;
    private final int[] changePoints;
    private int nextChange;
    private long[] priority = new long[8];
    private long lowest;

    PctChooser(SimRandom random, int depth, int steps) {
        this.random = random;
        this.depth = depth;
        int changes = Math.min(depth - 1, steps);
        int[] points = new int[changes];
        for (int i = 0; i < changes; i++) {
            int p;
            do {
                p = random.nextInt(steps);
            } while (contains(points, i, p));
            points[i] = p;
        }
        Arrays.sort(points);
        this.changePoints = points;
    }

    private static boolean contains(int[] a, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void started(SimThread t) {
        if (t.id >= priority.length) {
            priority = Arrays.copyOf(priority, Math.max(t.id + 1, priority.length * 2));
        }
        priority[t.id] = depth + (random.nextLong() >>> 2); // above every changed priority (< depth)
    }

    @Override
    public void yielded(SimThread t) {
        priority[t.id] = --lowest;
    }

    @Override
    public int choose(int point, List<SimThread> candidates) {
        int best = highest(candidates);
        while (nextChange < changePoints.length && changePoints[nextChange] <= point) {
            if (changePoints[nextChange] == point) {
                priority[candidates.get(best).id] = nextChange + 1;
                best = highest(candidates);
            }
            nextChange++;
        }
        return best;
    }

    private int highest(List<SimThread> candidates) {
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (priority[candidates.get(i).id] > priority[candidates.get(best).id]) {
                best = i;
            }
        }
        return best;
    }
}
