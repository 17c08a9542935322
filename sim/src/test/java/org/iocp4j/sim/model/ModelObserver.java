package org.iocp4j.sim.model;

import static org.iocp4j.sim.model.ModelAction.portName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.iocp4j.PortEvent;
import org.iocp4j.PortListener;
import org.iocp4j.conformance.model.Delivery;
import org.iocp4j.conformance.model.Handoff;
import org.iocp4j.conformance.model.Packet;
import org.iocp4j.conformance.model.Phase;
import org.iocp4j.conformance.model.ReferenceModel;
import org.iocp4j.conformance.model.Rundown;
import org.iocp4j.internal.ThreadRecord;

/**
 * Follows one simulated run with the conformance {@link ReferenceModel}: applies each port call
 * to the model at the instant the engine performs it, and checks what the engine reports as it
 * happens (through each port's {@link PortListener}): FIFO packets (R14), hand-offs to the waiter
 * the model names (LIFO, R14, R15), timeouts of waits that were finite (R39), abandoned waiters
 * in the model's order (R33), dropped packets (R38), and the active count above the maximum only
 * on the unconditional recount of a
 * thread whose wait ended (R27; a dequeue's timeout, R39). {@link StepCheck} compares whole states between steps.
 *
 * <p>When is "the instant the engine performs it"? Under the simulator a port call runs without
 * a switch from its first scheduling point (at its start) until it parks or returns. A worker
 * therefore {@linkplain #announce announces} a call before making it, and the announced model
 * operation is applied at the first event the engine reports on that thread, or when the call
 * returns if it reported none; both happen before the next scheduling point, so between steps the
 * model and the engine have seen the same operations in the same order.
 */
final class ModelObserver {
    final ReferenceModel model = new ReferenceModel();
    final Coverage coverage;
    final int[] maximum = new int[ModelAction.PORTS];
    /** Keys the engine reported queued (QUEUE) and not yet taken, per port. */
    final List<ArrayDeque<Long>> fifo = new ArrayList<>();
    /** Threads the engine reported waiting (WAIT until HANDOFF, TIMEOUT or ABANDON), to the port. */
    final Map<Integer, Integer> waitingOn = new TreeMap<>();
    /** Threads the engine reported associated (ASSOCIATE until DISSOCIATE or CLOSE), to the port. */
    final Map<Integer, Integer> associatedWith = new TreeMap<>();
    /** Hand-offs the model made that the engine has not reported yet. */
    final ArrayDeque<Handoff> handoffs = new ArrayDeque<>();
    /** What made each of {@link #handoffs}. */
    private final ArrayDeque<String> causes = new ArrayDeque<>();
    /** Threads a close released in the model that the engine has not reported yet. */
    final ArrayDeque<Integer> abandons = new ArrayDeque<>();
    final Set<Long> posted = new TreeSet<>();
    final Set<Long> dropped = new TreeSet<>();
    final Map<Long, Integer> deliveredTo = new TreeMap<>();
    final List<Actor> actors = new ArrayList<>();
    private final Map<Thread, Actor> byThread = new HashMap<>();
    private final int[] lastActive = new int[ModelAction.PORTS];
    private final ArrayDeque<String> history = new ArrayDeque<>();
    private Rundown lastRundown;
    private long nextKey;

    ModelObserver(Coverage coverage) {
        this.coverage = coverage;
        for (int p = 0; p < ModelAction.PORTS; p++) {
            fifo.add(new ArrayDeque<>());
        }
    }

    /** A thread of the run: its model id, and the call it announced but the engine has not made yet. */
    static final class Actor {
        final int id;
        final String name;
        final ThreadRecord record;
        Supplier<Object> pending;
        String pendingWhat;
        /** What the model said about its last operation. */
        Object result;
        /** In a dequeue with no timeout: only a post or the close ends it. */
        boolean waitsForever;
        /** Blocked on its slot's kernel object: only an unblock ends it. */
        boolean blockedOnObject;

        Actor(int id, String name, ThreadRecord record) {
            this.id = id;
            this.name = name;
            this.record = record;
        }

        @Override
        public String toString() {
            return name + " (model thread " + id + ")";
        }
    }

    /** The calling simulated thread joins the run as model thread {@code actors.size()}. */
    Actor register(String name) {
        Actor a = new Actor(actors.size(), name, ThreadRecord.current());
        actors.add(a);
        byThread.put(Thread.currentThread(), a);
        return a;
    }

    long nextKey() {
        return ++nextKey;
    }

    /** The listener for port {@code p}; the port's concurrency is {@code max}. */
    PortListener listenerFor(int p, int max) {
        maximum[p] = max;
        return (event, thread, key, active, queued) -> onEvent(p, event, thread, key, active);
    }

    /** {@code a} is about to make a port call that the model sees as {@code op}. */
    void announce(Actor a, String what, Supplier<Object> op) {
        if (a.pending != null) {
            throw new IllegalStateException(a + " announced '" + what + "' with '" + a.pendingWhat + "' pending");
        }
        a.pending = op;
        a.pendingWhat = what;
    }

    /** Applies {@code a}'s announced call to the model, if it has not been applied yet. */
    void linearize(Actor a) {
        Supplier<Object> op = a.pending;
        if (op == null) {
            return;
        }
        a.pending = null;
        try {
            a.result = op.get();
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw fail(a + ": the model cannot do '" + a.pendingWhat + "' now: " + e.getMessage());
        }
        List<Handoff> released = model.lastReleases();
        handoffs.addAll(released);
        released.forEach(h -> causes.addLast(a.pendingWhat));
        if (a.result instanceof Rundown r) {
            lastRundown = r;
        }
        if (a.result instanceof Delivery.HandedTo h) {
            posted.add(h.packet().key());
        } else if (a.result instanceof Delivery.Queued q) {
            posted.add(q.packet().key());
        }
        note(a.name + ": " + a.pendingWhat + (a.result != null ? " -> " + a.result : "")
                + (released.isEmpty() ? "" : " releases " + released));
    }

    /** Applies an operation that needs no announcing (nothing of the engine's runs in between). */
    Object apply(Actor a, String what, Supplier<Object> op) {
        announce(a, what, op);
        linearize(a);
        return a.result;
    }

    private void onEvent(int p, PortEvent e, Thread thread, long key, int active) {
        Actor current = byThread.get(Thread.currentThread());
        if (current != null) {
            linearize(current);
        }
        Actor subject = byThread.get(thread);
        int who = subject == null ? -1 : subject.id;
        switch (e) {
            case QUEUE -> fifo.get(p).addLast(key);
            case DEQUEUE -> {
                Long head = fifo.get(p).pollFirst();
                expect(Objects.equals(head, key), "R14: " + portName(p) + " gave key " + key + " to "
                        + subject + " but the oldest queued key is " + head);
            }
            case HANDOFF -> handedOff(p, subject, key);
            case WAIT -> waitingOn.put(who, p);
            case TIMEOUT -> {
                waitingOn.remove(who);
                if (model.thread(who).phase() == Phase.WAITING) { // the timer fired (R39)
                    coverage.count("timer fired in a wait");
                    apply(subject, "its timeout fires", () -> model.timeout(who));
                }
            }
            case ASSOCIATE -> associatedWith.put(who, p);
            case DISSOCIATE -> associatedWith.remove(who);
            case BLOCK, UNBLOCK -> { }
            case CLOSE -> closed(p);
            case ABANDON -> {
                Integer next = abandons.pollFirst();
                expect(next != null && next == who, "R33: " + portName(p) + " abandoned " + subject
                        + " but the model releases model thread " + next + " next (the wait list is LIFO, R14)");
                waitingOn.remove(who);
            }
        }
        boolean recount = e == PortEvent.UNBLOCK || e == PortEvent.TIMEOUT;
        if (active > maximum[p] && active > lastActive[p] && !recount) {
            throw fail(portName(p) + " counts " + active + " active threads, over its maximum " + maximum[p]
                    + ", after " + e + " of " + subject + ": only the unconditional recount of a thread whose wait"
                    + " ended (R27, or a dequeue's timeout, KeRemoveQueue step 3) may take it over");
        }
        if (active > maximum[p] && active > lastActive[p]) {
            coverage.count("over the maximum after "
                    + (e == PortEvent.UNBLOCK ? "a wait ended (R27)" : "a timeout (R39)"));
        }
        lastActive[p] = active;
    }

    private void handedOff(int p, Actor to, long key) {
        Handoff h = handoffs.pollFirst();
        String cause = causes.pollFirst();
        expect(h != null, portName(p) + " handed key " + key + " to " + to + " but the model hands nothing");
        expect(h.port() == p && to != null && h.thread() == to.id && h.packet().key() == key,
                portName(p) + " handed key " + key + " to " + to + " but the model hands " + h.packet() + " on "
                        + portName(h.port()) + " to model thread " + h.thread()
                        + " (the most recent waiter, R14, R15)");
        ArrayDeque<Long> q = fifo.get(p);
        if (q.contains(key)) { // a queued packet released by KiActivateWaiterQueue (R26, R29, R30)
            expect(q.peekFirst() == key, "R14: " + portName(p) + " handed queued key " + key + " ahead of key "
                    + q.peekFirst());
            q.pollFirst();
            coverage.count("queued packet released to a waiter by: " + releasedBy(cause));
        } else {
            coverage.count("post handed to a waiter (R15)");
        }
        waitingOn.remove(to.id);
    }

    private static String releasedBy(String cause) {
        String op = cause.replaceAll(" .*", "");
        return switch (op) {
            case "exits" -> "exits (R29)";
            case "blocks", "sleeps" -> op + " (R26)";
            default -> op + " elsewhere (R30)"; // a dequeue or batch on another port
        };
    }

    private void closed(int p) {
        Rundown r = lastRundown;
        lastRundown = null;
        expect(r != null, portName(p) + " reported CLOSE but no close was made");
        List<Long> droppedKeys = r.dropped().stream().map(Packet::key).toList();
        expect(droppedKeys.equals(List.copyOf(fifo.get(p))), "R38: closing " + portName(p) + " drops "
                + fifo.get(p) + " but the model drops " + droppedKeys);
        dropped.addAll(droppedKeys);
        fifo.get(p).clear();
        abandons.addAll(r.abandoned());
        associatedWith.values().removeIf(port -> port == p);
        if (!r.abandoned().isEmpty()) {
            coverage.count("waiter abandoned by close (R33)");
        }
        if (!droppedKeys.isEmpty()) {
            coverage.count("packet dropped by close (R38)");
        }
    }

    /** A close returned: if the engine reported no CLOSE, it must have been closed already (idempotent). */
    void closeReturned(Actor a, int p) {
        Rundown r = lastRundown;
        lastRundown = null;
        expect(r == null || (r.abandoned().isEmpty() && r.dropped().isEmpty()), a + ": closing "
                + portName(p) + " reported no CLOSE, but the model's close released " + r);
    }

    void expect(boolean holds, String what) {
        if (!holds) {
            throw fail(what);
        }
    }

    AssertionError fail(String what) {
        return new AssertionError(what + "\nlast operations, as the model applied them:\n  "
                + String.join("\n  ", history));
    }

    private void note(String line) {
        if (history.size() == 30) {
            history.removeFirst();
        }
        history.addLast(line);
    }
}
