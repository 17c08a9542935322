package org.iocp4j.sim;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import org.iocp4j.PortEvent;

/**
 * The words of a simulation's reports (deadlock, budgets, stall, leaks) and the controller's side
 * of a run: waiting for its end in real time and for its carrier threads to finish.
 */
final class SimReports {
    private static final int TAIL = 40;
    private static final Duration JOIN_PATIENCE = Duration.ofSeconds(5);
    private static final Duration BLOCKED_PATIENCE = Duration.ofSeconds(1);
    private static final EnumMap<PortEvent, TraceEvent.Kind> KINDS = new EnumMap<>(PortEvent.class);

    static {
        for (PortEvent e : PortEvent.values()) {
            TraceEvent.Kind k = TraceEvent.Kind.PORT;
            for (TraceEvent.Kind candidate : TraceEvent.Kind.values()) {
                if (candidate.name().equals(e.name())) {
                    k = candidate;
                }
            }
            KINDS.put(e, k);
        }
    }

    private final SimScheduler sched;

    SimReports(SimScheduler sched) {
        this.sched = sched;
    }

    static TraceEvent.Kind kindOf(PortEvent e) {
        return KINDS.get(e);
    }

    /**
     * The controller waits for the run to end, watching that it makes progress in real time: a
     * running thread that blocks in the JVM (a monitor, a JDK lock, a real sleep) stalls the run
     * after a second, one that runs without a scheduling point after the stall timeout.
     */
    void awaitEnd() {
        long stallTimeout = sched.options.stallTimeout().toNanos();
        long blockedTimeout = Math.min(stallTimeout, BLOCKED_PATIENCE.toNanos());
        long seen = -1;
        long since = Carrier.realNanos();
        boolean interrupted = false;
        while (!sched.stopped) {
            Carrier.parkNanos(sched, Math.min(blockedTimeout, 50_000_000L));
            if (Thread.interrupted()) {
                interrupted = true;
                sched.stalled("the thread that called Sim.run was interrupted; the simulation was stopped"
                        + traceAndToken());
            }
            long p = sched.progress();
            long t = Carrier.realNanos();
            if (p != seen) {
                seen = p;
                since = t;
            } else if (t - since >= stallTimeout || (t - since >= blockedTimeout && blockedInTheJvm())) {
                sched.stalled(stall(t - since));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for every carrier to end; names those that did not, or returns null. */
    String joinCarriers(List<SimThread> all) {
        long deadline = Carrier.realNanos() + JOIN_PATIENCE.toNanos();
        StringBuilder leaked = new StringBuilder();
        for (SimThread t : all) {
            long left = Math.max(1, deadline - Carrier.realNanos());
            if (!Carrier.join(t.thread, Duration.ofNanos(left))) {
                leaked.append(leaked.isEmpty() ? "" : ", ").append(t.name);
            }
        }
        if (leaked.isEmpty()) {
            return null;
        }
        return "simulated threads did not end within " + JOIN_PATIENCE.toSeconds() + " s after the run stopped: "
                + leaked + ". The simulator stops a thread by throwing an Error from its next simulator call; code"
                + " that catches Throwable and carries on keeps it alive: let Errors through.";
    }

    private boolean blockedInTheJvm() {
        Thread.State s = sched.runningThread().thread.getState();
        return s == Thread.State.BLOCKED || s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    private String stall(long nanos) {
        SimThread r = sched.runningThread();
        Thread.State state = r.thread.getState();
        StringBuilder sb = new StringBuilder("stall: simulated thread ").append(r.name).append(" ran for more than ")
                .append(nanos / 1_000_000).append(" ms of real time without reaching a scheduling point (it is ")
                .append(state).append("). It is blocked on, or spinning in, something the simulator cannot see: a"
                        + " monitor or JDK lock held by another simulated thread (only one runs at a time, so a lock"
                        + " held across a port call or a wait cannot be released), real I/O, Thread.sleep, or a loop"
                        + " without port calls (use Sim.busy() in spin loops). Its stack:\n");
        for (StackTraceElement e : r.thread.getStackTrace()) {
            sb.append("    at ").append(e).append('\n');
        }
        return sb.append(traceAndToken()).toString();
    }

    String deadlock(List<SimThread> live) {
        StringBuilder sb = new StringBuilder("deadlock at t=").append(TraceEvent.millis(sched.now))
                .append(": every simulated thread waits and no timer is pending");
        for (SimThread t : live) {
            sb.append(String.format("%n  %-12s %s", t.name, waitingOn(t, true)));
        }
        return sb.toString();
    }

    String stepBudget(long steps) {
        return "the scenario did not finish within maxSteps=" + steps + " scheduling steps (virtual time "
                + TraceEvent.millis(sched.now) + "): a livelock, a spin loop that never sees its condition, or a"
                + " scenario longer than the budget (raise SimOptions.maxSteps if it is legitimately long)";
    }

    String timeBudget(SimThread first) {
        return "virtual time would pass maxTime=" + TraceEvent.millis(sched.options.maxTimeNanos()) + ": every"
                + " simulated thread waits and the earliest deadline is " + first.name + "'s at t="
                + TraceEvent.millis(first.deadline) + " (raise SimOptions.maxTime if the scenario legitimately waits"
                + " that long)";
    }

    String spinBudget() {
        return "virtual time would pass maxTime=" + TraceEvent.millis(sched.options.maxTimeNanos()) + " while"
                + " threads spin (Sim.busy) with nothing else to run: a spin loop that never sees its condition";
    }

    String stillWaiting(List<SimThread> live) {
        if (live.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; still running or waiting: ");
        for (int i = 0; i < live.size(); i++) {
            SimThread t = live.get(i);
            sb.append(i > 0 ? ", " : "").append(t.name).append(" (").append(waitingOn(t, false)).append(')');
        }
        return sb.toString();
    }

    private String waitingOn(SimThread t, boolean deadlocked) {
        return switch (t.state) {
            case PARKED -> "parked on " + sched.describe(t.blocker) + " with no timeout";
            case TIMED -> "parked on " + sched.describe(t.blocker) + " until t=" + TraceEvent.millis(t.deadline);
            case AWAITING -> "waits until " + t.awaiting + (deadlocked ? ", which cannot happen: nothing else can run" : "");
            case RUNNABLE -> "runnable";
            case DONE -> "ended";
        };
    }

    String traceAndToken() {
        return "\nlast " + TAIL + " events:\n" + sched.trace.renderTail(TAIL)
                + "replay with -Diocp4j.sim.replay=" + sched.token();
    }
}
