package org.iocp4j.examples.tour;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A short tour of I/O completion ports on real threads: each stop plays a classic situation
 * and prints, line by line, which thread did what and why, in the words of spec/iocp.md.
 *
 * <p>Run it with {@code mvn -q -Ptour package -DskipTests} from the project root. Arguments,
 * or {@code -Dtour.stops="2 5"} with Maven, name the stops to play (default: all); blanks and
 * commas separate them.
 */
public final class Tour {

    private Tour() {}

    /** The stops, in the order they are told. */
    static List<Scenario> scenarios() {
        return List.of(new ReturnCases(), new OwnWork(), new ThunderingHerd(), new LifoWakeOrder(),
                new RunningThreadFirst(), new SpinningReceiver(), new Dissociation(), new PostThenClose());
    }

    public static void main(String[] args) throws Exception {
        List<Scenario> all = scenarios();
        List<Integer> chosen = new ArrayList<>();
        for (String arg : args) {
            for (String stop : arg.trim().split("[\\s,]+")) {
                if (!stop.isEmpty()) {
                    chosen.add(parseStop(stop, all.size()));
                }
            }
        }
        if (chosen.isEmpty()) {
            for (int i = 1; i <= all.size(); i++) {
                chosen.add(i);
            }
        }
        PrintStream out = System.out;
        Narrator narrator = new Narrator(out);
        out.println("iocp4j tour: I/O completion ports on real threads (backend: " + narrator.backend() + ")");
        out.println("Each line: the thread, what it did and why (rule numbers of spec/iocp.md). Lines the");
        out.println("port reported end with its counters: active threads / concurrency maximum, packets");
        out.println("queued. #n is the packet posted with key n.");
        int failed = 0;
        for (int i : chosen) {
            Outcome o = play(i, all.size(), all.get(i - 1), narrator);
            if (!o.passed()) {
                failed++;
            }
        }
        out.println();
        out.println(failed == 0
                ? "Tour over: every stop showed what it promised."
                : "Tour over: " + failed + " stop(s) did not show what they promised (see FAILED above).");
        out.flush();
        if (failed > 0) {
            System.exit(1);
        }
    }

    /** Plays one stop with header, intro and summary. */
    static Outcome play(int number, int of, Scenario s, Narrator n) throws Exception {
        n.reset();
        n.print("");
        n.print("== " + number + "/" + of + "  " + s.title() + " ==");
        s.intro().forEach(line -> n.print("   " + line));
        n.print("");
        Outcome o = s.run(n);
        n.print("");
        for (Outcome.Claim c : o.claims()) {
            n.print("   " + (c.held() ? "ok     " : "FAILED ") + c.text());
        }
        return o;
    }

    private static int parseStop(String arg, int stops) {
        try {
            int i = Integer.parseInt(arg);
            if (i >= 1 && i <= stops) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("stop must be a number from 1 to " + stops + ", got '" + arg + "'");
    }
}
