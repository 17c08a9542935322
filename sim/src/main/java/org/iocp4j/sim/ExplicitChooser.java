package org.iocp4j.sim;

import java.util.List;

/** Given choices at given points, the default (0) everywhere else: replays and exhaustive prefixes. */
final class ExplicitChooser implements Chooser {
    private final int[] points;
    private final int[] choices;
    private int next;

    ExplicitChooser(int[] points, int[] choices) {
        this.points = points;
        this.choices = choices;
    }

    @Override
    public int choose(int point, List<SimThread> candidates) {
        while (next < points.length && points[next] < point) {
            next++;
        }
        if (next < points.length && points[next] == point) {
            return choices[next] % candidates.size();
        }
        return 0;
    }
}
