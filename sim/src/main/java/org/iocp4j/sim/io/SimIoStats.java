package org.iocp4j.sim.io;

/**
 * What the simulated kernel did in a run so far.
 *
 * @param connections connections established (a listener took the request)
 * @param refused connection requests refused (nobody listening, or a full backlog)
 * @param bytesDelivered bytes that reached a receiving socket
 * @param resets connections reset by an injected fault
 * @param shortReads socket reads cut short by an injected fault
 * @param delays segments and file operations delayed by an injected fault
 * @param cancelRaces cancels injected at the instant data arrived or a file operation finished
 * @param handlesOpened sockets, listening sockets and files opened
 * @param handlesOpen of those, the ones not closed yet
 */
public record SimIoStats(long connections, long refused, long bytesDelivered, long resets, long shortReads,
        long delays, long cancelRaces, long handlesOpened, long handlesOpen) {
}
