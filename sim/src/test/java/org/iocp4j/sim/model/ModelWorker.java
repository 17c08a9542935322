package org.iocp4j.sim.model;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.iocp4j.sim.model.ModelAction.portName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iocp4j.CompletionEntry;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortClosedException;
import org.iocp4j.conformance.model.Delivery;
import org.iocp4j.conformance.model.Outcome;
import org.iocp4j.conformance.model.Packet;
import org.iocp4j.conformance.model.Phase;
import org.iocp4j.conformance.model.ReferenceModel;
import org.iocp4j.conformance.model.ThreadView;
import org.iocp4j.conformance.model.Wait;
import org.iocp4j.sim.Sim;
import org.iocp4j.sync.Event;
import org.iocp4j.sync.KernelObject;
import org.iocp4j.sync.Semaphore;
import org.iocp4j.sync.Sleep;
import org.iocp4j.sync.Waits;

/**
 * One simulated thread of a worker slot: performs the slot's actions from {@code from} on, each a
 * port call or a wait announced to the {@link ModelObserver} and checked against the model when it
 * returns (which packets, which status). An EXIT action starts the next thread of the slot with
 * the rest of the actions and ends this one (R29).
 */
final class ModelWorker implements Runnable {
    private final ModelRun run;
    private final Slot slot;
    private final List<ModelAction> script;
    private final int from;
    private final int generation;
    private final CompletionEntry entry = new CompletionEntry();
    private ModelObserver.Actor me;

    /** A worker slot: its kernel object, its current thread, whether its actions are done. */
    static final class Slot {
        final int index;
        final KernelObject blocker;
        ModelObserver.Actor current;
        /** Its actions are played. */
        boolean finished;
        /** Its threads that have not exited: the one playing its actions, and one that handed over. */
        int live;
        /** An unblock was made for its current block. */
        boolean claimed;

        Slot(int index) {
            this.index = index;
            this.blocker = index % 2 == 0 ? Event.autoReset(false) : new Semaphore(0, 1);
        }

        /** Its actions are played and all its threads have exited. */
        boolean done() {
            return finished && live == 0;
        }

        /** Its thread waits on its kernel object and nobody has released it yet. */
        boolean blockedForGood() {
            return current != null && current.blockedOnObject && !claimed && blocker.waitingThreads() == 1;
        }

        /** Releases its thread from its kernel object (SetEvent, ReleaseSemaphore). */
        void release() {
            claimed = true;
            if (blocker instanceof Event e) {
                e.set();
            } else {
                ((Semaphore) blocker).release();
            }
        }
    }

    ModelWorker(ModelRun run, Slot slot, List<ModelAction> script, int from, int generation) {
        this.run = run;
        this.slot = slot;
        this.script = script;
        this.from = from;
        this.generation = generation;
    }

    String name() {
        return "w" + slot.index + (generation == 0 ? "" : "." + generation);
    }

    @Override
    public void run() {
        ModelObserver o = run.observer;
        me = o.register(name());
        slot.current = me;
        boolean handedOver = false;
        for (int i = from; i < script.size() && !run.stopping; i++) {
            ModelAction a = script.get(i);
            if (a.kind() == ModelAction.Kind.EXIT) {
                if (i + 1 < script.size()) {
                    slot.current = null;
                    handedOver = true;
                    o.coverage.count("thread started by a worker, which then exits");
                    slot.live++;
                    Sim.current().start("w" + slot.index + "." + (generation + 1),
                            new ModelWorker(run, slot, script, i + 1, generation + 1));
                }
                break;
            }
            perform(a);
            o.coverage.count("actions played");
        }
        if (!handedOver) {
            slot.finished = true;
        }
        slot.live--;
        // Nothing runs between here and the simulator's ThreadRecord.exit() (R29).
        ThreadView t = o.model.thread(me.id);
        if (t.port() != ReferenceModel.NONE && o.model.port(t.port()).waiters().size() > 0
                && !o.model.port(t.port()).queued().isEmpty()) {
            o.coverage.count("exit of a thread with waiters and packets behind it (R29)");
        }
        o.apply(me, "exits", () -> o.model.exit(me.id));
    }

    private void perform(ModelAction a) {
        switch (a.kind()) {
            case POST -> post(a.port());
            case DEQUEUE -> dequeue(a.port(), a.timeout(), a.millis() + 1, 0);
            case BATCH -> dequeue(a.port(), a.timeout(), a.millis() + 1, a.limit());
            case BLOCK -> block();
            case SLEEP -> sleep(a.millis());
            case UNBLOCK -> {
                Slot target = run.slots.get(a.target());
                if (target != slot && target.blockedForGood()) {
                    target.release();
                }
            }
            case CLOSE -> run.close(me, a.port());
            case EXIT -> throw new IllegalStateException("EXIT is handled by the loop");
        }
    }

    private void post(int p) {
        ModelObserver o = run.observer;
        long key = o.nextKey();
        o.announce(me, "post key " + key + " to " + portName(p), () -> {
            boolean several = o.model.port(p).waiters().size() > 1;
            Delivery d = o.model.post(p, key);
            if (several && d instanceof Delivery.HandedTo) {
                o.coverage.count("post handed to the most recent of several waiters (R14)");
            }
            return d;
        });
        boolean rejected = false;
        try {
            run.ports.get(p).post(key, 0, key);
        } catch (PortClosedException closed) {
            rejected = true;
        }
        o.linearize(me);
        boolean modelRejects = me.result instanceof Delivery.Rejected;
        o.expect(rejected == modelRejects, me + ": post to " + portName(p) + (rejected ? " threw" : " did not throw")
                + " PortClosedException; the model: " + me.result + " (R19)");
        if (rejected) {
            o.coverage.count("post rejected by a closed port (R19)");
        }
    }

    /** A single dequeue ({@code limit} 0) or a batch; waits {@code millis} when the wait is finite. */
    private void dequeue(int p, Wait wait, long millis, int limit) {
        ModelObserver o = run.observer;
        CompletionPort port = run.ports.get(p);
        long timeout = wait == Wait.ZERO ? 0 : wait == Wait.FINITE ? millis : CompletionPort.INFINITE;
        String what = (limit == 0 ? "dequeue" : "batch of " + limit) + " on " + portName(p) + ", " + wait;
        int from = o.model.thread(me.id).port();
        if (from != ReferenceModel.NONE && from != p) {
            o.coverage.count("dequeue on another port than the thread's (R30)");
        }
        o.announce(me, what, limit == 0 ? () -> o.model.dequeue(me.id, p, wait)
                : () -> o.model.poll(me.id, p, limit, wait));
        me.waitsForever = wait == Wait.INFINITE;
        List<Long> keys = new ArrayList<>();
        DequeueStatus s;
        if (limit == 0) {
            s = port.dequeue(entry, timeout, MILLISECONDS);
            if (s.hasPacket()) {
                o.expect(Long.valueOf(entry.key()).equals(entry.overlapped()), me + " got key " + entry.key()
                        + " with the overlapped of another packet: " + entry.overlapped());
                keys.add(entry.key());
            }
        } else {
            s = port.poll((k, bytes, overlapped, error) -> keys.add(k), limit, timeout, MILLISECONDS);
        }
        me.waitsForever = false;
        o.linearize(me);
        returned(what, s, keys);
    }

    /** Compares what a dequeue returned with the model's outcome for the thread, and books the packets. */
    private void returned(String what, DequeueStatus s, List<Long> keys) {
        ModelObserver o = run.observer;
        ThreadView t = o.model.thread(me.id);
        Outcome out = t.outcome();
        List<Long> expected = out instanceof Outcome.Took took ? took.packets().stream().map(Packet::key).toList()
                : List.of();
        o.expect(t.phase() == Phase.RUNNING && out.status() == s && expected.equals(keys), me + ": " + what
                + " returned " + s + " " + keys + "; the model: " + t.phase() + " with " + out);
        for (long k : keys) {
            Integer before = o.deliveredTo.putIfAbsent(k, me.id);
            o.expect(before == null, "key " + k + " delivered twice: to model thread " + before + " and to " + me);
        }
        o.coverage.count("dequeue returned " + s + (keys.size() > 1 ? " with several packets" : ""));
    }

    private void block() {
        ModelObserver o = run.observer;
        o.announce(me, "blocks on " + slot.blocker.getClass().getSimpleName(), () -> o.model.block(me.id));
        me.blockedOnObject = true;
        int r;
        try {
            r = slot.blocker.waitFor(CompletionPort.INFINITE, MILLISECONDS);
        } catch (InterruptedException e) {
            throw new AssertionError(me + " was interrupted", e);
        }
        me.blockedOnObject = false;
        slot.claimed = false;
        o.expect(r == Waits.WAIT_OBJECT_0, me + ": the wait returned " + r);
        unblocked();
    }

    private void sleep(long millis) {
        ModelObserver o = run.observer;
        if (millis == 0) { // Sleep(0) only yields: no wait, the port hears nothing (R26 does not apply)
            try {
                Sleep.sleep(Duration.ZERO);
            } catch (InterruptedException e) {
                throw new AssertionError(me + " was interrupted", e);
            }
            return;
        }
        o.announce(me, "sleeps " + millis + " ms", () -> o.model.block(me.id));
        try {
            Sleep.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            throw new AssertionError(me + " was interrupted", e);
        }
        unblocked();
    }

    /**
     * The wait ended (R27). If the port never heard of it, the thread must have been associated
     * with none (a wait tells only the thread's port, R26): the model blocks and unblocks it now.
     */
    private void unblocked() {
        ModelObserver o = run.observer;
        if (me.pending != null) {
            o.expect(o.model.thread(me.id).port() == ReferenceModel.NONE, me + " " + me.pendingWhat
                    + " while associated, but its port never heard of it (R26)");
            o.linearize(me);
        } else {
            o.coverage.count("wait seen by the port (R26)");
        }
        o.apply(me, "wait ends", () -> {
            o.model.unblock(me.id);
            return null;
        });
    }
}
