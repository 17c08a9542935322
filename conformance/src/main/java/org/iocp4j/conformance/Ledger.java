package org.iocp4j.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one test opened and started: its ports, its threads and what they threw. After the test,
 * {@link #finish} reports what the test left broken and then cleans up.
 */
final class Ledger {
    private final List<CheckedPort> ports = new CopyOnWriteArrayList<>();
    private final List<ScriptedThread> scripted = new CopyOnWriteArrayList<>();
    private final List<TrackedThread> started = new CopyOnWriteArrayList<>();

    /** A thread started with {@link ConformanceSuite#start}: whether its body returned, and what it threw. */
    static final class TrackedThread {
        final String name;
        volatile Thread thread;
        volatile boolean finished;
        volatile Throwable failure;
        volatile boolean observed;

        TrackedThread(String name) {
            this.name = name;
        }
    }

    CheckedPort add(CheckedPort p) {
        ports.add(p);
        return p;
    }

    ScriptedThread add(ScriptedThread t) {
        scripted.add(t);
        return t;
    }

    TrackedThread track(String name) {
        TrackedThread t = new TrackedThread(name);
        started.add(t);
        return t;
    }

    TrackedThread tracked(Thread thread) {
        for (TrackedThread t : started) {
            if (t.thread == thread) {
                return t;
            }
        }
        return null;
    }

    /**
     * Checks what the test left behind and cleans up: the backend's invariants for every port, as
     * the test left it; no thread still in a step or body; every port closed; every packet
     * accounted for; no failure on a thread that nobody looked at. Then closes what is open, ends
     * every thread and waits for them. Returns the problems found, empty when none.
     */
    List<String> finish(BackendFixture fixture) {
        List<String> problems = new ArrayList<>();
        for (CheckedPort p : ports) {
            String broken = fixture.invariantViolation(p.backendPort());
            if (broken != null) {
                problems.add(p + " breaks an invariant: " + broken);
            }
        }
        for (ScriptedThread t : scripted) {
            Call c = t.currentCall();
            if (c != null) {
                problems.add("thread " + t + " is still in '" + c.what() + "' at the end of the test (leaked)");
            }
        }
        for (TrackedThread t : started) {
            if (!t.finished) {
                problems.add("thread " + t.name + " is still running at the end of the test (leaked)");
            }
        }
        for (CheckedPort p : ports) {
            if (!p.isClosed()) {
                problems.add(p + " was left open");
            }
        }
        cleanUp(fixture.harness(), problems);
        for (CheckedPort p : ports) {
            String lost = p.accountingViolation();
            if (lost != null) {
                problems.add(lost);
            }
        }
        for (ScriptedThread t : scripted) {
            for (Call c : t.calls()) {
                Throwable f = c.unobservedFailure();
                if (f != null) {
                    problems.add("'" + c.what() + "' threw " + f + " and the test never looked");
                }
            }
        }
        for (TrackedThread t : started) {
            if (t.failure != null && !t.observed) {
                problems.add("thread " + t.name + " threw " + t.failure + " and the test never joined it");
            }
        }
        return problems;
    }

    private void cleanUp(Harness harness, List<String> problems) {
        for (CheckedPort p : ports) {
            p.close(); // releases threads stuck in a dequeue (R33)
        }
        for (ScriptedThread t : scripted) {
            t.release();
            t.exit();
        }
        for (ScriptedThread t : scripted) {
            join(harness, t.thread(), problems);
        }
        for (TrackedThread t : started) {
            if (t.thread != null) {
                join(harness, t.thread, problems);
            }
        }
    }

    private static void join(Harness harness, Thread thread, List<String> problems) {
        try {
            harness.join(thread);
        } catch (RuntimeException | AssertionError e) {
            problems.add("thread " + thread.getName() + " could not be stopped: " + e.getMessage());
        }
    }
}
