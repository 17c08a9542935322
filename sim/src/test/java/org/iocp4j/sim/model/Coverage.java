package org.iocp4j.sim.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * How often each interesting situation came up over the runs of a property, so a test can show
 * that its random actions reach them. Runs are sequential; the runner reads it after they end.
 */
final class Coverage {
    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void count(String situation) {
        counts.merge(situation, 1, Integer::sum);
    }

    synchronized int get(String situation) {
        return counts.getOrDefault(situation, 0);
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(String.format("%8d  %s%n", v, k)));
        return sb.toString();
    }
}
