package org.iocp4j.sim.model;

import org.iocp4j.conformance.model.Wait;
import org.iocp4j.sim.SimRandom;

/**
 * One action of a model-checked run, for the worker slot {@link #slot}. An action is an intent,
 * read against the state of the run when the worker reaches it, so any sublist of a run's actions
 * (what the shrinker tries) is still a valid run.
 *
 * @param slot the worker slot that performs it
 * @param kind what it does
 * @param port the port it posts to, dequeues from or closes
 * @param timeout how long a dequeue may wait
 * @param millis a finite timeout or a sleep, in virtual milliseconds
 * @param limit the most packets a batch dequeue takes
 * @param target the slot whose blocked thread an unblock releases
 */
record ModelAction(int slot, Kind kind, int port, Wait timeout, int millis, int limit, int target) {
    /** How many worker slots a run has. */
    static final int SLOTS = 3;
    /** How many ports a run has: a main one and a second one to move to (R30, R31). */
    static final int PORTS = 2;

    /** What an action does. */
    enum Kind {
        /** Posts a packet with a fresh key (R14, R15, R19). */
        POST,
        /** Dequeues one packet, with a zero, finite or infinite timeout (R20-R23, R28, R30, R39). */
        DEQUEUE,
        /** Dequeues up to {@code limit} packets (R43-R48). */
        BATCH,
        /** Waits on the slot's kernel object until another worker unblocks it (R26, R27). */
        BLOCK,
        /** Sleeps (org.iocp4j.sync.Sleep): a wait that ends by itself (R26, R27). */
        SLEEP,
        /** Releases the target slot's thread if it is blocked on its kernel object. */
        UNBLOCK,
        /** The thread starts its successor, which goes on with the slot's actions, and exits (R29). */
        EXIT,
        /** Closes the port (R32, R33, R36-R38). */
        CLOSE
    }

    /** Draws an action; every field is drawn, whatever the kind, so the stream does not shift. */
    static ModelAction draw(SimRandom r) {
        int slot = r.nextInt(SLOTS);
        int roll = r.nextInt(1000);
        int port = r.nextInt(100) < 75 ? 0 : 1;
        int w = r.nextInt(20);
        Wait timeout = w < 7 ? Wait.ZERO : w < 15 ? Wait.FINITE : Wait.INFINITE;
        int millis = r.nextInt(3);
        int limit = 1 + r.nextInt(4);
        int target = r.nextInt(SLOTS);
        Kind kind;
        if (roll < 300) {
            kind = Kind.POST;
        } else if (roll < 520) {
            kind = Kind.DEQUEUE;
        } else if (roll < 620) {
            kind = Kind.BATCH;
        } else if (roll < 700) {
            kind = Kind.BLOCK;
        } else if (roll < 760) {
            kind = Kind.SLEEP;
        } else if (roll < 880) {
            kind = Kind.UNBLOCK;
        } else if (roll < 960) {
            kind = Kind.EXIT;
        } else if (roll < 975) {
            kind = Kind.CLOSE;
        } else {
            kind = Kind.POST;
        }
        return new ModelAction(slot, kind, port, timeout, millis, limit, target);
    }

    /**
     * The name the simulator's trace gives model port {@code p}: port1, port2... in opening order
     * (the model numbers its ports from 0).
     */
    static String portName(int p) {
        return "port" + (p + 1);
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case POST -> "post to " + portName(port);
            case DEQUEUE -> "dequeue on " + portName(port) + ", " + timeout + finite();
            case BATCH -> "batch of " + limit + " on " + portName(port) + ", " + timeout + finite();
            case BLOCK -> "block on its kernel object";
            case SLEEP -> "sleep " + millis + " ms";
            case UNBLOCK -> "unblock slot " + target;
            case EXIT -> "start a successor and exit";
            case CLOSE -> "close " + portName(port);
        };
        return "slot " + slot + ": " + what;
    }

    private String finite() {
        return timeout == Wait.FINITE ? " " + (millis + 1) + " ms" : "";
    }
}
