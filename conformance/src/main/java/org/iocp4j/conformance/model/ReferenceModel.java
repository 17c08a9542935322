package org.iocp4j.conformance.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A single-threaded, deterministic model of the completion-port rules (spec/iocp.md 1.4-1.9), to
 * judge real ports against: FIFO packets and LIFO waiters (R14), direct hand-off (R15), the
 * association step (R20, R21, R30), the concurrency gate (R22, R23), blocking elsewhere (R26,
 * R27), dissociation (R31), thread exit (R29), close (R32, R33, R36-R38) and timeouts (R39) as
 * "the timer fired" events.
 *
 * <p>Threads and ports are small integers: a thread springs into being, running and associated
 * with nothing, on its first use; ports are numbered in opening order. Every operation is atomic,
 * as the kernel's dispatcher lock makes it, and returns what the caller observes; {@link
 * #lastReleases()} lists the waiters the operation released. The model is strict: an operation
 * the thread cannot be doing (a waiting thread dequeuing again, unblocking a running thread) is an
 * {@link IllegalStateException}, so a script that drives it wrongly fails at once. Not modelled:
 * alerts (R49), I/O (1.12-1.15), nested blocking.
 *
 * <pre>{@code
 * ReferenceModel m = new ReferenceModel();
 * int port = m.openPort(1);
 * m.post(port, 1); m.post(port, 2);
 * m.dequeue(A, port, Wait.INFINITE);   // Took packet#0: A runs, the port is saturated
 * m.dequeue(B, port, Wait.INFINITE);   // WAITS although packet#1 is queued (R23)
 * m.block(A);                          // Optional[Handoff B <- packet#1] (R26)
 * }</pre>
 */
public final class ReferenceModel {
    /** "No port" or "no thread". */
    public static final int NONE = -1;

    private final List<PortState> ports = new ArrayList<>();
    private final TreeMap<Integer, ThreadState> threads = new TreeMap<>();
    private final List<Handoff> releases = new ArrayList<>();
    private long nextPacket;

    /** An empty model. */
    public ReferenceModel() {
        // no ports, no threads
    }

    /**
     * Opens a port and returns its id. The model has no processors: resolve R1 (0 = one per
     * processor) before calling.
     *
     * @throws IllegalArgumentException if concurrency &lt; 1
     */
    public int openPort(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1 (resolve 0 to the processor count first, "
                    + "R1), got " + concurrency);
        }
        ports.add(new PortState(ports.size(), concurrency));
        return ports.size() - 1;
    }

    /** Posts a packet with {@code key} (KiInsertQueue, R14, R15, R19). */
    public Delivery post(int port, long key) {
        releases.clear();
        PortState p = port(port, "post");
        if (p.closed) {
            return new Delivery.Rejected(); // R19
        }
        Packet packet = new Packet(nextPacket++, key);
        if (p.active < p.maximum && !p.waiters.isEmpty()) {
            ThreadState w = p.waiters.pop(); // R14: the most recent waiter
            handTo(w, p, packet); // R15: never queued
            return checked(new Delivery.HandedTo(w.id, packet));
        }
        p.queue.addLast(packet);
        return checked(new Delivery.Queued(packet));
    }

    /** A dequeue of one packet (GetQueuedCompletionStatus, KeRemoveQueue). */
    public Outcome dequeue(int thread, int port, Wait wait) {
        return poll(thread, port, 1, wait);
    }

    /**
     * A batch dequeue (GetQueuedCompletionStatusEx): takes up to {@code limit} queued packets
     * without waiting to fill them (R47), else waits and is then handed one (R15).
     *
     * @throws IllegalArgumentException if limit &lt; 1 (R45)
     * @throws IllegalStateException if the thread is not running
     */
    public Outcome poll(int thread, int port, int limit, Wait wait) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 (R45), got " + limit);
        }
        releases.clear();
        ThreadState t = running(thread, "dequeue");
        PortState p = port(port, "dequeue");
        if (p.closed) {
            return t.outcome = Outcome.INVALID_HANDLE; // R36: fails before the association step
        }
        if (t.port != p) { // step 1: the association step
            if (t.port != null) {
                leave(t); // R30, R31: the old port's slot is given up and may release a waiter
            }
            t.port = p; // R20: even if this call times out; not counted in p yet
            p.associated.add(t);
        } else if (t.active) {
            deactivate(t); // step 1b: the caller gives up its own slot (R28)
        }
        if (p.active < p.maximum && !p.queue.isEmpty()) { // step 2 (R22)
            List<Packet> took = new ArrayList<>();
            while (took.size() < limit && !p.queue.isEmpty()) {
                took.add(p.queue.removeFirst()); // FIFO (R14, R48)
            }
            activate(t);
            return checked(t.outcome = new Outcome.Took(took));
        }
        if (wait == Wait.ZERO) { // step 3: an expired timeout (R23, R39)
            activate(t);
            return checked(t.outcome = Outcome.TIMED_OUT);
        }
        t.phase = Phase.WAITING;
        t.wait = wait;
        p.waiters.push(t); // the most recent waiter is released first (R14)
        return checked(t.outcome = Outcome.WAITS);
    }

    /**
     * The timer of a waiting thread's finite timeout fired: it leaves the wait list and counts as
     * active again (KiUnlinkThread, R39, R40).
     *
     * @throws IllegalStateException if the thread is not waiting with a finite timeout
     */
    public Outcome timeout(int thread) {
        releases.clear();
        ThreadState t = existing(thread, "timeout");
        if (t.phase != Phase.WAITING || t.wait != Wait.FINITE) {
            throw new IllegalStateException("thread " + thread + " has no finite timeout running: it is " + t.phase
                    + (t.phase == Phase.WAITING ? " with " + t.wait : ""));
        }
        t.port.waiters.remove(t);
        t.phase = Phase.RUNNING;
        activate(t);
        return checked(t.outcome = Outcome.TIMED_OUT);
    }

    /**
     * The running thread enters another wait (R26): it stops counting as active, which may release
     * one waiter of its port (KiActivateWaiterQueue).
     */
    public Optional<Handoff> block(int thread) {
        releases.clear();
        ThreadState t = running(thread, "block");
        t.phase = Phase.BLOCKED;
        if (t.port != null && t.active) {
            deactivate(t);
            activateWaiter(t.port);
        }
        checked(null);
        return releases.stream().findFirst();
    }

    /** The blocked thread's wait ended: it counts as active again, even over the maximum (R27). */
    public void unblock(int thread) {
        releases.clear();
        ThreadState t = existing(thread, "unblock");
        if (t.phase != Phase.BLOCKED) {
            throw new IllegalStateException("thread " + thread + " is " + t.phase + ", not BLOCKED");
        }
        t.phase = Phase.RUNNING;
        if (t.port != null) {
            activate(t); // R27: no check against the maximum
        }
        checked(null);
    }

    /** The running thread ends (R29): it leaves its port, which may release a waiter. */
    public Optional<Handoff> exit(int thread) {
        releases.clear();
        ThreadState t = running(thread, "exit");
        if (t.port != null) {
            leave(t);
        }
        t.phase = Phase.EXITED;
        checked(null);
        return releases.stream().findFirst();
    }

    /**
     * Closes the port (Vista and later): every waiter returns ABANDONED (R33), queued packets are
     * dropped (R38), associated threads are dissociated (R32). A thread already handed a packet
     * keeps it (R37): in the model the hand-off happened in an earlier step. Idempotent.
     */
    public Rundown close(int port) {
        releases.clear();
        PortState p = port(port, "close");
        if (p.closed) {
            return new Rundown(List.of(), List.of());
        }
        p.closed = true;
        List<Integer> abandoned = new ArrayList<>();
        while (!p.waiters.isEmpty()) {
            ThreadState w = p.waiters.pop();
            w.phase = Phase.RUNNING;
            w.outcome = Outcome.ABANDONED;
            abandoned.add(w.id);
        }
        List<Packet> dropped = new ArrayList<>(p.queue);
        p.queue.clear();
        for (ThreadState t : p.associated) {
            t.port = null;
            t.active = false;
        }
        p.associated.clear();
        p.active = 0;
        checked(null);
        return new Rundown(abandoned, dropped);
    }

    /** The hand-offs to waiters made by the last operation (a post's, or KiActivateWaiterQueue's). */
    public List<Handoff> lastReleases() {
        return List.copyOf(releases);
    }

    /** A snapshot of {@code thread}; a thread never used is running and unassociated. */
    public ThreadView thread(int thread) {
        ThreadState t = threads.get(thread);
        if (t == null) {
            return new ThreadView(thread, Phase.RUNNING, NONE, false, null);
        }
        return new ThreadView(t.id, t.phase, t.port == null ? NONE : t.port.id, t.active, t.outcome);
    }

    /** The ids of every thread used so far, ascending. */
    public List<Integer> threads() {
        return List.copyOf(threads.keySet());
    }

    /** A snapshot of {@code port}. */
    public PortView port(int port) {
        PortState p = port(port, "view");
        List<Integer> waiters = new ArrayList<>();
        p.waiters.forEach(w -> waiters.add(w.id));
        List<Integer> associated = new ArrayList<>();
        p.associated.forEach(t -> associated.add(t.id));
        return new PortView(p.id, p.maximum, p.active, new ArrayList<>(p.queue), waiters, associated, p.closed);
    }

    /** The number of ports opened. */
    public int portCount() {
        return ports.size();
    }

    /**
     * The model's own invariants, which every operation keeps: null when they hold. The active count
     * equals the associated threads marked active; every running associated thread is active; every
     * waiter is associated, waiting and not active; no packet is queued while a waiter could take it.
     */
    public String invariantViolation() {
        for (PortState p : ports) {
            int counted = 0;
            for (ThreadState t : p.associated) {
                if (t.port != p) {
                    return "thread " + t.id + " is on port " + p.id + "'s list but associated with " + t.port;
                }
                counted += t.active ? 1 : 0;
                if (t.phase == Phase.RUNNING && !t.active) {
                    return "thread " + t.id + " runs associated with port " + p.id + " but is not active";
                }
            }
            if (counted != p.active) {
                return "port " + p.id + " counts " + p.active + " active but " + counted + " threads are";
            }
            for (ThreadState w : p.waiters) {
                if (w.port != p || w.phase != Phase.WAITING || w.active) {
                    return "waiter " + w.id + " on port " + p.id + " is " + w.phase + ", active " + w.active;
                }
            }
            if (p.active < p.maximum && !p.queue.isEmpty() && !p.waiters.isEmpty()) {
                return "port " + p.id + " strands a packet: " + p.active + " active < " + p.maximum
                        + " with packets queued and threads waiting";
            }
        }
        return null;
    }

    /** KiActivateWaiterQueue: if below the maximum with a packet and a waiter, release one waiter. */
    private void activateWaiter(PortState p) {
        if (!p.closed && p.active < p.maximum && !p.queue.isEmpty() && !p.waiters.isEmpty()) {
            handTo(p.waiters.pop(), p, p.queue.removeFirst());
        }
    }

    private void handTo(ThreadState w, PortState p, Packet packet) {
        w.phase = Phase.RUNNING;
        activate(w);
        w.outcome = new Outcome.Took(List.of(packet));
        releases.add(new Handoff(w.id, p.id, packet));
    }

    /** Ends {@code t}'s association with its port (R29, R30). */
    private void leave(ThreadState t) {
        PortState old = t.port;
        old.associated.remove(t);
        if (t.active) {
            deactivate(t);
        }
        t.port = null;
        activateWaiter(old);
    }

    private static void activate(ThreadState t) {
        t.active = true;
        t.port.active++;
    }

    private static void deactivate(ThreadState t) {
        t.active = false;
        t.port.active--;
    }

    private <T> T checked(T result) {
        String broken = invariantViolation();
        if (broken != null) {
            throw new IllegalStateException("reference model bug: " + broken);
        }
        return result;
    }

    private PortState port(int port, String op) {
        if (port < 0 || port >= ports.size()) {
            throw new IllegalArgumentException(op + ": no port " + port + "; ports are 0.." + (ports.size() - 1));
        }
        return ports.get(port);
    }

    private ThreadState existing(int thread, String op) {
        if (thread < 0) {
            throw new IllegalArgumentException(op + ": thread ids are >= 0, got " + thread);
        }
        return threads.computeIfAbsent(thread, ThreadState::new);
    }

    private ThreadState running(int thread, String op) {
        ThreadState t = existing(thread, op);
        if (t.phase != Phase.RUNNING) {
            throw new IllegalStateException(op + ": thread " + thread + " is " + t.phase + ", not RUNNING");
        }
        return t;
    }

    /** A thread: its KTHREAD.Queue, whether it counts as active, where it is. */
    private static final class ThreadState {
        final int id;
        Phase phase = Phase.RUNNING;
        PortState port;
        boolean active;
        Wait wait;
        Outcome outcome;

        ThreadState(int id) {
            this.id = id;
        }
    }

    /** A port: the KQUEUE fields. */
    private static final class PortState {
        final int id;
        final int maximum;
        final ArrayDeque<Packet> queue = new ArrayDeque<>();
        /** Top (first) is the most recent waiter. */
        final ArrayDeque<ThreadState> waiters = new ArrayDeque<>();
        final LinkedHashSet<ThreadState> associated = new LinkedHashSet<>();
        int active;
        boolean closed;

        PortState(int id, int maximum) {
            this.id = id;
            this.maximum = maximum;
        }

        @Override
        public String toString() {
            return "port " + id;
        }
    }
}
