package org.iocp4j.unix;

/** What a {@link Backstop} sees of its {@link Poller}'s poll role. */
interface PollRole {

    /** Whether a thread holds the role now. */
    boolean roleHeld();

    /** When the role was last given up (System.nanoTime). */
    long freeSince();

    /** Whether tasks wait for the role holder. */
    boolean hasTasks();

    /** Takes the role if it is free, polls until a waiter asks for it, gives it up; false if it was held. */
    boolean pollAsBackstop();
}
