package org.iocp4j.examples.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a scenario showed: the claims it checked, each held or not, and the full trace.
 * The tour prints the claims as its summary; the tests assert on them and on the trace.
 */
public final class Outcome {

    /** One claim the scenario makes about what it just showed. */
    public record Claim(String text, boolean held) {}

    private final String title;
    private final List<Claim> claims = new ArrayList<>();
    private final List<Step> trace;

    Outcome(String title, List<Step> trace) {
        this.title = title;
        this.trace = trace;
    }

    /** Records a claim and whether it held; returns this. */
    Outcome claim(String text, boolean held) {
        claims.add(new Claim(text, held));
        return this;
    }

    public String title() {
        return title;
    }

    public List<Claim> claims() {
        return List.copyOf(claims);
    }

    /** Every step, in the order the ports' states changed and notes were made. */
    public List<Step> trace() {
        return List.copyOf(trace);
    }

    /** True when every claim held. */
    public boolean passed() {
        return claims.stream().allMatch(Claim::held);
    }

    /** The index in the trace of the first step matching, or -1. */
    public int indexOf(Predicate<Step> match) {
        List<Step> t = trace();
        for (int i = 0; i < t.size(); i++) {
            if (match.test(t.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
