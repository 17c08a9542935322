package org.iocp4j.sim.model;

import static org.iocp4j.sim.model.ModelAction.portName;

import java.util.List;
import java.util.Objects;
import org.iocp4j.CompletionPort;
import org.iocp4j.PortStats;
import org.iocp4j.conformance.model.Packet;
import org.iocp4j.conformance.model.Phase;
import org.iocp4j.conformance.model.PortView;
import org.iocp4j.conformance.model.ReferenceModel;
import org.iocp4j.conformance.model.ThreadView;
import org.iocp4j.sim.SimPort;

/**
 * The comparison made between every two scheduling steps of a model-checked run: each port's
 * counters, queue and state against the model; who waits and who is associated, by the engine's
 * own reports and by each thread's record; the engine's and the model's invariants; and no
 * hand-off or abandonment the model made that the engine has not made too.
 */
final class StepCheck {
    private final ModelObserver o;
    private final List<CompletionPort> ports;
    private final List<SimPort> engines;

    StepCheck(ModelObserver observer, List<CompletionPort> ports, List<SimPort> engines) {
        this.o = observer;
        this.ports = ports;
        this.engines = engines;
    }

    void run() {
        o.coverage.count("steps checked");
        o.expect(o.handoffs.isEmpty(), "the model handed " + o.handoffs
                + " but the engine did not (R15, R26, R29, R30)");
        o.expect(o.abandons.isEmpty(), "the model abandoned model threads " + o.abandons
                + " but the engine did not (R33)");
        for (int p = 0; p < ports.size(); p++) {
            port(p);
        }
        ReferenceModel m = o.model;
        for (ModelObserver.Actor a : o.actors) {
            ThreadView t = m.thread(a.id);
            Integer waits = t.phase() == Phase.WAITING ? t.port() : null;
            o.expect(Objects.equals(waits, o.waitingOn.get(a.id)), a + " waits on " + name(o.waitingOn.get(a.id))
                    + " by the engine's reports, on " + name(waits) + " in the model (" + t + ")");
            Integer on = t.port() == ReferenceModel.NONE ? null : t.port();
            o.expect(Objects.equals(on, o.associatedWith.get(a.id)), a + " is associated with "
                    + name(o.associatedWith.get(a.id)) + " by the engine's reports, with " + name(on)
                    + " in the model");
            o.expect((a.record.port() != null) == (on != null), a + " has engine port " + a.record.port()
                    + " in its thread record, but " + name(on) + " in the model");
        }
        String broken = m.invariantViolation();
        o.expect(broken == null, "the reference model broke its own invariant: " + broken);
    }

    private static String name(Integer p) {
        return p == null ? "no port" : portName(p);
    }

    private void port(int p) {
        PortView v = o.model.port(p);
        CompletionPort port = ports.get(p);
        o.expect(v.closed() == port.isClosed(), portName(p) + " closed: " + port.isClosed()
                + ", in the model: " + v.closed());
        List<Long> keys = v.queued().stream().map(Packet::key).toList();
        o.expect(keys.equals(List.copyOf(o.fifo.get(p))), portName(p) + " queued " + o.fifo.get(p)
                + " by its reports, the model " + keys + " (R14)");
        if (v.closed()) {
            return;
        }
        PortStats s = port.stats();
        String engine = "active " + s.activeThreads() + ", queued " + s.queuedPackets() + ", waiting "
                + s.waitingThreads() + ", associated " + s.associatedThreads();
        String model = "active " + v.active() + ", queued " + v.queued().size() + ", waiting " + v.waiters().size()
                + ", associated " + v.associated().size();
        o.expect(engine.equals(model), portName(p) + " (concurrency " + v.concurrency() + "): " + engine
                + "; the model: " + model + " (waiters " + v.waiters() + ", associated " + v.associated() + ")");
        String violation = engines.get(p).invariantViolation();
        o.expect(violation == null, portName(p) + " breaks the engine's invariant: " + violation);
    }
}
