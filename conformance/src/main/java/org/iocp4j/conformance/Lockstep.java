package org.iocp4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iocp4j.CompletionPort;
import org.iocp4j.DequeueStatus;
import org.iocp4j.PortStats;
import org.iocp4j.conformance.model.Delivery;
import org.iocp4j.conformance.model.Handoff;
import org.iocp4j.conformance.model.Outcome;
import org.iocp4j.conformance.model.Packet;
import org.iocp4j.conformance.model.PortView;
import org.iocp4j.conformance.model.ReferenceModel;
import org.iocp4j.conformance.model.Rundown;
import org.iocp4j.conformance.model.Wait;

/**
 * Drives the {@link ReferenceModel} and a real backend in lockstep: each step is applied to the
 * model, then to the backend (on {@link ScriptedThread}s), which is allowed to settle, and then
 * what the threads got and the ports' counters must agree. Strictly sequenced, so it is
 * deterministic on real threads. A posted packet's overlapped is the model's {@link Packet}, so
 * "who got which packet" is compared exactly.
 */
final class Lockstep {
    private final ConformanceSuite suite;
    private final ReferenceModel model = new ReferenceModel();
    private final List<CompletionPort> ports = new ArrayList<>();
    private final Map<Integer, ScriptedThread> threads = new HashMap<>();
    /** The backend call of each thread that waits or is blocked in the model. */
    private final Map<Integer, Call> pending = new HashMap<>();
    private final StringBuilder trace = new StringBuilder();
    private int steps;

    Lockstep(ConformanceSuite suite) {
        this.suite = suite;
    }

    ReferenceModel model() {
        return model;
    }

    /** The steps so far, one per line, for failure messages. */
    String trace() {
        return trace.toString();
    }

    int openPort(int concurrency) {
        trace.append(String.format("%3d  open port %d with concurrency %d%n", ++steps, ports.size(), concurrency));
        ports.add(suite.open(concurrency));
        return model.openPort(concurrency);
    }

    void post(int port, long key) {
        step("post key " + key + " to port " + port, () -> doPost(port, key));
    }

    private void doPost(int port, long key) {
        Delivery d = model.post(port, key);
        if (d instanceof Delivery.Rejected) {
            throw new IllegalStateException("the scripts do not post to closed ports");
        }
        Packet packet = d instanceof Delivery.HandedTo h ? h.packet() : ((Delivery.Queued) d).packet();
        ports.get(port).post(key, 0, packet);
        settle(null, null);
    }

    void dequeue(int thread, int port, Wait wait) {
        poll(thread, port, 0, wait);
    }

    /** A batch dequeue of up to {@code limit}; limit 0 means a single dequeue. */
    void poll(int thread, int port, int limit, Wait wait) {
        if (wait == Wait.FINITE) {
            throw new IllegalArgumentException("a finite timeout fires at a time the script cannot control");
        }
        step("thread " + thread + (limit == 0 ? " dequeues" : " polls " + limit) + " on port " + port + ", " + wait,
                () -> doPoll(thread, port, limit, wait));
    }

    private void doPoll(int thread, int port, int limit, Wait wait) {
        long timeout = wait == Wait.ZERO ? 0 : CompletionPort.INFINITE;
        Outcome expected = limit == 0 ? model.dequeue(thread, port, wait) : model.poll(thread, port, limit, wait);
        ScriptedThread t = scripted(thread);
        Call call = limit == 0 ? t.dequeue(ports.get(port), timeout) : t.poll(ports.get(port), limit, timeout);
        settle(call, expected);
        if (expected == Outcome.WAITS) {
            pending.put(thread, call);
        }
    }

    void block(int thread) {
        step("thread " + thread + " blocks", () -> {
            model.block(thread);
            pending.put(thread, scripted(thread).block());
            settle(null, null);
        });
    }

    void unblock(int thread) {
        step("thread " + thread + " is unblocked", () -> {
            model.unblock(thread);
            scripted(thread).release();
            pending.remove(thread).await();
            settle(null, null);
        });
    }

    /**
     * The thread ends (R29). Backends that notice exit only while the port is saturated (the java
     * backend's watchdog) agree with the model only then: script it where a waiter is released.
     */
    void exit(int thread) {
        step("thread " + thread + " exits", () -> {
            model.exit(thread);
            ScriptedThread t = scripted(thread);
            t.exit();
            suite.harness().join(t.thread());
            settle(null, null);
        });
    }

    void close(int port) {
        step("close port " + port, () -> {
            Rundown r = model.close(port);
            ports.get(port).close();
            for (int thread : r.abandoned()) {
                Call c = pending.remove(thread);
                assertEquals(DequeueStatus.ABANDONED, c.status(), c.what() + " is abandoned by the close (R33)");
            }
            settle(null, null);
        });
    }

    /** Closes every open port and releases every blocked thread, comparing as it goes. */
    void finish() {
        for (int p = 0; p < ports.size(); p++) {
            if (!model.port(p).closed()) {
                close(p);
            }
        }
        for (int thread : List.copyOf(pending.keySet())) {
            unblock(thread);
        }
    }

    /**
     * Lets the backend settle after a step, then compares: the acting thread's call, every
     * hand-off the model made, and every open port's counters.
     */
    private void settle(Call acting, Outcome expected) {
        if (acting != null && expected != Outcome.WAITS) {
            assertEquals(expected.status(), acting.status(), acting.what());
            assertEquals(packets(expected), overlappeds(acting), acting.what() + " took");
        }
        for (Handoff h : model.lastReleases()) {
            Call c = pending.remove(h.thread());
            // returns early if another waiter got it, so a wrong wake-up fails at once
            suite.awaitUntil(c.what() + " is handed " + h.packet(),
                    () -> c.isDone() || pending.values().stream().anyMatch(Call::isDone));
            assertEquals(List.of(h.packet()), c.isDone() ? overlappeds(c) : List.of(),
                    "the model hands " + h.packet() + " to " + c.what() + "; the backend: " + pending.values());
        }
        for (int p = 0; p < ports.size(); p++) {
            PortView v = model.port(p);
            if (v.closed()) {
                continue;
            }
            CompletionPort port = ports.get(p);
            String expect = counters(v);
            suite.awaitUntil("port " + p + " settles at " + expect, () -> expect.equals(counters(port.stats())));
        }
        for (Map.Entry<Integer, Call> e : pending.entrySet()) {
            Call c = e.getValue();
            if (c.isDone()) {
                throw new AssertionError(c + " returned, but in the model thread " + e.getKey() + " is still "
                        + model.thread(e.getKey()).phase());
            }
        }
    }

    private static String counters(PortView v) {
        return "active " + v.active() + ", queued " + v.queued().size() + ", waiting " + v.waiters().size()
                + ", associated " + v.associated().size();
    }

    private static String counters(PortStats s) {
        return "active " + s.activeThreads() + ", queued " + s.queuedPackets() + ", waiting " + s.waitingThreads()
                + ", associated " + s.associatedThreads();
    }

    private static List<Packet> packets(Outcome o) {
        return o instanceof Outcome.Took t ? t.packets() : List.of();
    }

    private static List<Object> overlappeds(Call c) {
        return c.received().stream().map(Received::overlapped).toList();
    }

    private ScriptedThread scripted(int thread) {
        return threads.computeIfAbsent(thread, id -> suite.thread("T" + id));
    }

    /** Runs one step; a failure names the steps that led to it. */
    private void step(String what, Runnable body) {
        trace.append(String.format("%3d  %s%n", ++steps, what));
        try {
            body.run();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\nsteps so far:\n" + trace, e);
        }
    }
}
