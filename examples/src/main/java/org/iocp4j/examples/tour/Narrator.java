package org.iocp4j.examples.tour;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iocp4j.CompletionPort;
import org.iocp4j.CompletionPorts;
import org.iocp4j.PortEvent;
import org.iocp4j.PortListener;
import org.iocp4j.PortOptions;

/**
 * Tells what happens in a scenario: opens ports whose {@link PortListener} prints every engine
 * event as "thread, what, why (rule)" with the port's counters, records it as a {@link Step},
 * and prints the scenario's own notes in the same stream.
 *
 * <p>Thread-safe: listeners run on whichever thread changed a port, under that port's lock; one
 * monitor here keeps lines whole and the trace in order.
 */
public final class Narrator {
    private static final int TEXT_COLUMNS = 63;

    /** The label of a scenario's main port; other ports are named on every line. */
    static final String MAIN_PORT = "port";

    private final PrintStream out;
    private final String backend;
    private final List<Step> trace = new ArrayList<>(); // guarded by this

    /** A narrator printing to {@code out}, on the backend {@link #backendThatReportsEvents()} picks. */
    public Narrator(PrintStream out) {
        this.out = out;
        this.backend = backendThatReportsEvents();
    }

    /**
     * The best backend here whose ports report their events: the default one, unless that is the
     * kernel's own port (Windows), which schedules without telling anyone; then the engine on
     * real threads, {@code "java"}, which follows the same rules and says what it does.
     */
    public static String backendThatReportsEvents() {
        try (CompletionPort probe = CompletionPorts.open(1)) {
            return probe.capabilities().reportsEvents() ? probe.backend() : "java";
        }
    }

    /** The backend the ports this narrator opens run on. */
    public String backend() {
        return backend;
    }

    /** Opens a port labelled {@code label} whose every event this narrator tells. */
    public CompletionPort open(String label, int concurrency) {
        PortView view = new PortView(label, concurrency);
        return CompletionPorts.open(backend, PortOptions.builder().concurrency(concurrency).listener(view).build());
    }

    /** Prints and records a note about the calling thread: something the port cannot see. */
    public synchronized void note(String text) {
        String thread = Thread.currentThread().getName();
        trace.add(new Step(null, null, thread, 0, -1, -1, text));
        out.printf("  %-9s %s%n", thread, text);
    }

    /** Prints a line that is not part of the trace (headers, summaries). */
    public synchronized void print(String line) {
        out.println(line);
    }

    /** The trace so far. */
    public synchronized List<Step> trace() {
        return List.copyOf(trace);
    }

    /** Marks the start of a new scenario: clears the trace. */
    synchronized void reset() {
        trace.clear();
    }

    private synchronized void record(Step step, int maximum) {
        trace.add(step);
        String line = String.format("  %-9s %s", step.thread(), step.text());
        String where = step.port().equals(MAIN_PORT) ? "" : step.port() + ": ";
        out.printf("%-" + (TEXT_COLUMNS + 12) + "s  [%s%d/%d active, %d queued]%n", line, where,
                step.active(), maximum, step.queued());
    }

    /** Explains one port's events; keeps the little state the explanations need. */
    private final class PortView implements PortListener {
        private final String label;
        private final int maximum;
        private final Set<Thread> waiting = new HashSet<>(); // guarded by the port's lock
        private PortEvent lastEvent;
        private Thread lastThread;

        PortView(String label, int maximum) {
            this.label = label;
            this.maximum = maximum;
        }

        @Override
        public void onEvent(PortEvent event, Thread thread, long key, int active, int queued) {
            Thread actor = Thread.currentThread();
            String text = explain(event, thread, actor, key, active, queued);
            switch (event) {
                case WAIT -> waiting.add(thread);
                case HANDOFF, TIMEOUT, ABANDON -> waiting.remove(thread);
                default -> { }
            }
            lastEvent = event;
            lastThread = thread;
            record(new Step(label, event, thread.getName(), key, active, queued, text), maximum);
        }

        private String explain(PortEvent e, Thread t, Thread actor, long key, int active, int queued) {
            return switch (e) {
                case ASSOCIATE -> "dequeues here for the first time: now associated (R20)";
                case WAIT -> queued > 0
                        ? "waits, though " + packets(queued) + " queued: " + active + " of " + maximum
                                + " already active (R23)"
                        : "waits: nothing queued; pushed on the waiter stack (R14)";
                case QUEUE -> waiting.isEmpty()
                        ? "posts #" + key + ": queued FIFO, no thread is waiting (R14)"
                        : "posts #" + key + ": queued, no waiter woken: " + active + " of " + maximum
                                + " active (R23)";
                case HANDOFF -> "wakes with #" + key + handoffCause(actor);
                case DEQUEUE -> "takes #" + key + " from the queue at once, no sleep (R22)";
                case TIMEOUT -> waiting.contains(t)
                        ? "stops waiting: WAIT_TIMEOUT, no packet (R39, R40)"
                        : queued > 0
                                ? "gets WAIT_TIMEOUT at once, though " + packets(queued) + " queued (R23)"
                                : "gets WAIT_TIMEOUT at once: nothing queued, timeout 0 (R39)";
                case DISSOCIATE -> t == actor
                        ? "dequeued on another port, so it left this one (R30)"
                        : "exited, so it is no longer associated: slot freed (R29)";
                case BLOCK -> "blocks outside the port: gives up its slot (R26)";
                case UNBLOCK -> "runs again and takes its slot back"
                        + (active > maximum ? ", over the maximum (R27)" : " (R27)");
                case CLOSE -> queued > 0
                        ? "closes the " + name() + "; " + packets(queued) + " dropped unseen (R33, R38)"
                        : "closes the " + name() + " (R33)";
                case ABANDON -> "is released empty-handed: ERROR_ABANDONED_WAIT_0 (735) (R33)";
            };
        }

        private String handoffCause(Thread actor) {
            if (lastThread == actor && lastEvent == PortEvent.BLOCK) {
                return ": " + actor.getName() + " blocked, freeing a slot (R26, R15)";
            }
            if (lastThread == actor && lastEvent == PortEvent.DISSOCIATE) {
                return ": " + actor.getName() + " left, freeing a slot (R30, R15)";
            }
            return " from " + actor.getName() + ": newest waiter first (R14, R15)";
        }

        private String name() {
            return label.equals(MAIN_PORT) ? "port" : label + " port";
        }

        private static String packets(int n) {
            return n == 1 ? "1 packet is" : n + " packets are";
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
