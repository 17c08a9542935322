package org.iocp4j.sim;

/**
 * How the scheduler picks the next thread at a point where more than one could run. A run is a
 * pure function of its strategy and seed; a {@link ReplayToken} names both.
 */
public sealed interface Strategy permits Strategy.RandomWalk, Strategy.Pct, Strategy.Exhaustive {

    /** Every choice uniformly at random. */
    static Strategy randomWalk() {
        return new RandomWalk();
    }

    /**
     * PCT (probabilistic concurrency testing): threads get random priorities, the highest runnable
     * one runs, and at {@code depth - 1} random choice points the running thread drops to a low
     * priority. Finds a bug that needs {@code depth} ordering constraints with probability at least
     * 1/(n * k^(depth-1)) per run, for n threads and k choice points. The runner learns k from the
     * runs it has made.
     *
     * @throws IllegalArgumentException if depth &lt; 1
     */
    static Strategy pct(int depth) {
        return new Pct(depth, 0);
    }

    /** PCT with {@code steps} as the expected number of choice points per run. */
    static Strategy pct(int depth, int steps) {
        return new Pct(depth, steps);
    }

    /** Every schedule of a tiny scenario in turn; see {@link PropertyRunner#explore(int, int)}. */
    static Strategy exhaustive() {
        return new Exhaustive();
    }

    /** The short name used in replay tokens: {@code rw}, {@code pct3x200}, {@code dfs}. */
    String code();

    /**
     * Reads a {@link #code()}.
     *
     * @throws IllegalArgumentException if it is not one
     */
    static Strategy parse(String code) {
        switch (code) {
            case "rw":
                return randomWalk();
            case "dfs":
                return exhaustive();
            default:
                break;
        }
        if (code.startsWith("pct")) {
            int x = code.indexOf('x');
            try {
                if (x > 3) {
                    return pct(Integer.parseInt(code.substring(3, x)), Integer.parseInt(code.substring(x + 1)));
                }
                return pct(Integer.parseInt(code.substring(3)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + code + "': expected rw, dfs, pct<depth> or "
                + "pct<depth>x<steps>");
    }

    /** See {@link Strategy#randomWalk()}. */
    record RandomWalk() implements Strategy {
        @Override
        public String code() {
            return "rw";
        }
    }

    /**
     * See {@link Strategy#pct(int)}.
     *
     * @param depth the bug depth to aim at: depth - 1 priority change points
     * @param steps expected choice points per run; 0 lets the runner learn it
     */
    record Pct(int depth, int steps) implements Strategy {
        public Pct {
            if (depth < 1) {
                throw new IllegalArgumentException("PCT depth must be >= 1, got " + depth);
            }
            if (steps < 0) {
                throw new IllegalArgumentException("PCT steps must be >= 0 (0 = learn), got " + steps);
            }
        }

        @Override
        public String code() {
            return steps == 0 ? "pct" + depth : "pct" + depth + "x" + steps;
        }
    }

    /** See {@link Strategy#exhaustive()}. */
    record Exhaustive() implements Strategy {
        @Override
        public String code() {
            return "dfs";
        }
    }
}
