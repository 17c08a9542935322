package org.iocp4j.conformance.model;

import java.util.List;
import org.iocp4j.DequeueStatus;

/**
 * What a dequeue (or batch dequeue) in the model gives its thread: the packets it took, or that it
 * waits, or why it returned without a packet (spec 1.10 cases A, C, D, E).
 */
public sealed interface Outcome {

    /** The thread waits (is on the port's LIFO wait list). */
    Outcome WAITS = new Waits();
    /** The call returned without a packet because its timeout expired (R39, R40). */
    Outcome TIMED_OUT = new TimedOut();
    /** The port was closed while the thread waited (R33). */
    Outcome ABANDONED = new Abandoned();
    /** The port was already closed when the call started (R36). */
    Outcome INVALID_HANDLE = new InvalidHandle();

    /** The status a real port returns for this outcome, or null for {@link Waits}. */
    DequeueStatus status();

    /**
     * The call returned these packets, FIFO (R48); one when it was handed a packet after a wait
     * (R15, R47).
     */
    record Took(List<Packet> packets) implements Outcome {
        public Took {
            packets = List.copyOf(packets);
            if (packets.isEmpty()) {
                throw new IllegalArgumentException("packets must not be empty: a take returns at least one");
            }
        }

        /** The only packet taken; fails if the call took several. */
        public Packet packet() {
            if (packets.size() != 1) {
                throw new IllegalStateException("took " + packets.size() + " packets, not one: " + packets);
            }
            return packets.get(0);
        }

        @Override
        public DequeueStatus status() {
            return DequeueStatus.COMPLETED;
        }
    }

    /** The thread waits on the port. */
    record Waits() implements Outcome {
        @Override
        public DequeueStatus status() {
            return null;
        }
    }

    /** No packet: the timeout expired (case C). */
    record TimedOut() implements Outcome {
        @Override
        public DequeueStatus status() {
            return DequeueStatus.TIMEOUT;
        }
    }

    /** No packet: the port was closed during the wait (case D). */
    record Abandoned() implements Outcome {
        @Override
        public DequeueStatus status() {
            return DequeueStatus.ABANDONED;
        }
    }

    /** No packet: the port was closed before the call (case E). */
    record InvalidHandle() implements Outcome {
        @Override
        public DequeueStatus status() {
            return DequeueStatus.INVALID_HANDLE;
        }
    }
}
