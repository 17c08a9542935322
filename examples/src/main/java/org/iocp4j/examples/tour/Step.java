package org.iocp4j.examples.tour;

import org.iocp4j.PortEvent;

/**
 * One line of a scenario's trace: an event a port reported, or a note the scenario made about
 * something the port cannot see.
 *
 * @param port the port's label, or null for a note
 * @param event what the port did, or null for a note
 * @param thread the name of the thread it happened to (for a hand-off: the woken waiter)
 * @param key the packet's key, or 0
 * @param active the port's active-thread count after the event, or -1 for a note
 * @param queued the port's queue depth after the event, or -1 for a note
 * @param text the line as printed, without the thread name
 */
public record Step(String port, PortEvent event, String thread, long key, int active, int queued, String text) {

    /** True when this is a port event of kind {@code e} that happened to {@code threadName}. */
    public boolean is(PortEvent e, String threadName) {
        return event == e && thread.equals(threadName);
    }

    /** True when this is a note. */
    public boolean isNote() {
        return event == null;
    }
}
