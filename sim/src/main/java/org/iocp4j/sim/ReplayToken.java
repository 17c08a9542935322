package org.iocp4j.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * Everything needed to re-run one simulation exactly: the strategy, the seed, and optionally the
 * subset of the scenario's action list that was kept and the scheduling decisions. Printed by a
 * failing property; replayed with {@code -Diocp4j.sim.replay=<token>} or
 * {@link SimOptions.Builder#replay(ReplayToken)}.
 *
 * <p>Form: {@code sim1/<strategy>/seed=<hex>[/a=<actions>][/d=<decisions>]}, e.g.
 * {@code sim1/rw/seed=2a/a=0-3,7/d=12:1,40:2}. Without {@code d=} the strategy makes every
 * choice from the seed; with it, choice point 12 takes candidate 1, point 40 candidate 2, and
 * every other point the default (the running thread goes on). Without {@code a=} the whole action
 * list is used; with it, only the listed indices.
 */
public final class ReplayToken {
    private static final String PREFIX = "sim1/";
    private static final String EXAMPLE = "sim1/rw/seed=2a/a=0-3,7/d=12:1,40:2";

    private final Strategy strategy;
    private final long seed;
    private final int[] actions;
    private final int[] points;
    private final int[] choices;

    private ReplayToken(Strategy strategy, long seed, int[] actions, int[] points, int[] choices) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.seed = seed;
        this.actions = actions;
        this.points = points;
        this.choices = choices;
    }

    /** The token of a run made by {@code strategy} from {@code seed}. */
    public static ReplayToken of(Strategy strategy, long seed) {
        return new ReplayToken(strategy, seed, null, null, null);
    }

    /** This token keeping only the given action indices (ascending, distinct). */
    ReplayToken withActions(int[] kept) {
        return new ReplayToken(strategy, seed, kept == null ? null : kept.clone(), points, choices);
    }

    /** This token with an explicit schedule: {@code choices[i]} at choice point {@code points[i]}. */
    ReplayToken withSchedule(int[] points, int[] choices) {
        return new ReplayToken(strategy, seed, actions, points.clone(), choices.clone());
    }

    public Strategy strategy() {
        return strategy;
    }

    public long seed() {
        return seed;
    }

    /** True when the token lists the scheduling decisions rather than leaving them to the strategy. */
    public boolean hasSchedule() {
        return points != null;
    }

    /** True when the token keeps only part of the action list. */
    public boolean hasActions() {
        return actions != null;
    }

    /** The number of listed scheduling decisions (non-default choices). */
    public int decisionCount() {
        return points == null ? 0 : points.length;
    }

    /** The kept action indices, or null for all. */
    public int[] keptActions() {
        return actions == null ? null : actions.clone();
    }

    int[] decisionPoints() {
        return points;
    }

    int[] decisionChoices() {
        return choices;
    }

    /**
     * Reads a token as printed by {@link #toString()}.
     *
     * @throws IllegalArgumentException naming what is wrong, if it is not a valid token
     */
    public static ReplayToken parse(String token) {
        Objects.requireNonNull(token, "token");
        String t = token.trim();
        if (!t.startsWith(PREFIX)) {
            throw invalid(token, "it must start with '" + PREFIX + "'");
        }
        String[] parts = t.substring(PREFIX.length()).split("/", -1);
        if (parts.length < 2) {
            throw invalid(token, "it needs a strategy and a seed");
        }
        Strategy strategy;
        try {
            strategy = Strategy.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw invalid(token, e.getMessage());
        }
        if (!parts[1].startsWith("seed=")) {
            throw invalid(token, "the second part must be seed=<hex>, got '" + parts[1] + "'");
        }
        long seed;
        try {
            seed = Long.parseUnsignedLong(parts[1].substring(5), 16);
        } catch (NumberFormatException e) {
            throw invalid(token, "the seed '" + parts[1].substring(5) + "' is not a hex number");
        }
        int[] actions = null;
        int[] points = null;
        int[] choices = null;
        for (int i = 2; i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("a=") && actions == null) {
                actions = parseRanges(token, p.substring(2));
            } else if (p.startsWith("d=") && points == null) {
                int[][] d = parseDecisions(token, p.substring(2));
                points = d[0];
                choices = d[1];
            } else {
                throw invalid(token, "unexpected or repeated part '" + p + "'");
            }
        }
        return new ReplayToken(strategy, seed, actions, points, choices);
    }

    private static int[] parseRanges(String token, String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        int[] out = new int[0];
        int n = 0;
        int last = -1;
        for (String r : s.split(",", -1)) {
            int dash = r.indexOf('-');
            int from = number(token, dash < 0 ? r : r.substring(0, dash), "action index");
            int to = dash < 0 ? from : number(token, r.substring(dash + 1), "action index");
            if (from <= last || to < from) {
                throw invalid(token, "action indices must ascend, at '" + r + "'");
            }
            for (int v = from; v <= to; v++) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(8, n * 2));
                }
                out[n++] = v;
            }
            last = to;
        }
        return Arrays.copyOf(out, n);
    }

    private static int[][] parseDecisions(String token, String s) {
        if (s.isEmpty()) {
            return new int[][] {new int[0], new int[0]};
        }
        String[] pairs = s.split(",", -1);
        int[] points = new int[pairs.length];
        int[] choices = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            int colon = pairs[i].indexOf(':');
            if (colon < 0) {
                throw invalid(token, "a decision is <point>:<choice>, got '" + pairs[i] + "'");
            }
            points[i] = number(token, pairs[i].substring(0, colon), "choice point");
            choices[i] = number(token, pairs[i].substring(colon + 1), "choice");
            if (i > 0 && points[i] <= points[i - 1]) {
                throw invalid(token, "choice points must ascend, at '" + pairs[i] + "'");
            }
        }
        return new int[][] {points, choices};
    }

    private static int number(String token, String s, String what) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(token, "the " + what + " '" + s + "' is not a number >= 0");
    }

    private static IllegalArgumentException invalid(String token, String why) {
        return new IllegalArgumentException("invalid replay token '" + token + "': " + why
                + ". A token looks like " + EXAMPLE + " and is printed by a failing simulation; copy it whole.");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(PREFIX).append(strategy.code())
                .append("/seed=").append(Long.toHexString(seed));
        if (actions != null) {
            sb.append("/a=");
            for (int i = 0; i < actions.length; i++) {
                int j = i;
                while (j + 1 < actions.length && actions[j + 1] == actions[j] + 1) {
                    j++;
                }
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(actions[i]);
                if (j > i) {
                    sb.append('-').append(actions[j]);
                }
                i = j;
            }
        }
        if (points != null) {
            sb.append("/d=");
            for (int i = 0; i < points.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(points[i]).append(':').append(choices[i]);
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplayToken r && r.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
