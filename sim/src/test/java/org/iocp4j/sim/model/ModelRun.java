package org.iocp4j.sim.model;

import static org.iocp4j.sim.model.ModelAction.portName;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortOptions;
import org.iocp4j.conformance.model.Phase;
import org.iocp4j.sim.Sim;
import org.iocp4j.sim.SimPort;

/**
 * One model-checked run: two simulated ports, three worker slots that play the run's actions
 * concurrently (the scheduler interleaves them), a checker thread whose wait condition compares
 * the engine with the model at every scheduling step ({@link StepCheck}), and the scenario's main
 * thread, which waits until the workers are done or wait for good, then closes the ports, releases
 * blocked workers and checks that every posted packet was delivered once or dropped by a close.
 */
final class ModelRun {
    final ModelObserver observer;
    final List<CompletionPort> ports = new ArrayList<>();
    final List<ModelWorker.Slot> slots = new ArrayList<>();
    /** The workers skip their remaining actions and exit. */
    boolean stopping;
    private final List<SimPort> engines = new ArrayList<>();
    private boolean finished;

    private ModelRun(Coverage coverage) {
        this.observer = new ModelObserver(coverage);
    }

    /**
     * The property: {@code actions} random actions per run. {@code wrap} may replace each port the
     * workers use (to test the check itself with a broken port); the identity for the real thing.
     */
    static Sim.Scenario scenario(int actions, Coverage coverage, UnaryOperator<CompletionPort> wrap) {
        return sim -> new ModelRun(coverage).play(sim, actions, wrap);
    }

    private void play(Sim sim, int count, UnaryOperator<CompletionPort> wrap) {
        ModelObserver.Actor main = observer.register("main");
        for (int p = 0; p < ModelAction.PORTS; p++) {
            int concurrency = p == 0 ? 1 + sim.random().nextInt(2) : 1;
            SimPort port = (SimPort) sim.openPort(PortOptions.builder().concurrency(concurrency)
                    .listener(observer.listenerFor(p, concurrency)).build());
            observer.model.openPort(concurrency);
            engines.add(port);
            ports.add(wrap.apply(port));
        }
        List<ModelAction> actions = sim.actions(count, ModelAction::draw);
        StepCheck check = new StepCheck(observer, ports, engines);
        Thread checker = sim.start("checker", () -> Sim.current().awaitUntil("the end of the run (checking every step)",
                () -> {
                    check.run();
                    return finished;
                }));
        for (int s = 0; s < ModelAction.SLOTS; s++) {
            slots.add(new ModelWorker.Slot(s));
        }
        for (ModelWorker.Slot slot : slots) {
            List<ModelAction> script = actions.stream().filter(a -> a.slot() == slot.index).toList();
            slot.live++;
            sim.start("w" + slot.index, new ModelWorker(this, slot, script, 0, 0));
        }
        sim.awaitUntil("every worker is done or waits for good", this::quiet);
        stopping = true;
        for (ModelWorker.Slot slot : slots) {
            observer.coverage.count(slot.done() ? "slot played all its actions" : "slot stopped waiting for good");
        }
        for (int p = 0; p < ports.size(); p++) {
            if (!observer.model.port(p).closed()) {
                close(main, p);
            }
        }
        for (ModelWorker.Slot slot : slots) {
            if (slot.blockedForGood()) {
                slot.release();
            }
        }
        sim.awaitUntil("every worker ended", () -> slots.stream().allMatch(ModelWorker.Slot::done));
        ledger();
        finished = true;
        sim.join(checker);
    }

    /** True when no worker can do anything more: each is done, waits forever on a port, or is blocked for good. */
    private boolean quiet() {
        for (ModelWorker.Slot slot : slots) {
            if (slot.done()) {
                continue;
            }
            ModelObserver.Actor a = slot.current;
            if (a == null || slot.live > 1) {
                return false; // its next thread has not started yet, or the one before has not exited
            }
            boolean waitsForGood = a.waitsForever && observer.waitingOn.containsKey(a.id);
            if (!waitsForGood && !slot.blockedForGood()) {
                return false;
            }
        }
        return true;
    }

    /** {@code a} closes port {@code p}. */
    void close(ModelObserver.Actor a, int p) {
        observer.announce(a, "close " + portName(p), () -> observer.model.close(p));
        ports.get(p).close();
        observer.linearize(a);
        observer.closeReturned(a, p);
    }

    /** Nothing lost, nothing twice: every packet posted was delivered once or dropped by a close (R38). */
    private void ledger() {
        ModelObserver o = observer;
        for (long k : o.posted) {
            boolean delivered = o.deliveredTo.containsKey(k);
            boolean dropped = o.dropped.contains(k);
            o.expect(delivered != dropped, "key " + k + (delivered ? " was delivered and also dropped by a close"
                    : " was lost: neither delivered nor dropped by a close"));
        }
        for (long k : o.deliveredTo.keySet()) {
            o.expect(o.posted.contains(k), "key " + k + " was delivered but never posted");
        }
        for (ModelObserver.Actor a : o.actors) {
            o.expect(a.id == 0 || o.model.thread(a.id).phase() == Phase.EXITED, a + " has not exited in the model");
        }
        o.coverage.count("runs");
    }
}
