package org.iocp4j.conformance.model;

/**
 * A snapshot of one thread of the model.
 *
 * @param id the thread's id, as the caller chose it
 * @param phase where it is
 * @param port the port it is associated with, or {@link ReferenceModel#NONE}
 * @param active counted in that port's active count (CurrentCount)
 * @param outcome what its last dequeue returned (or {@link Outcome#WAITS} while it waits), null
 *     before its first dequeue
 */
public record ThreadView(int id, Phase phase, int port, boolean active, Outcome outcome) {}
