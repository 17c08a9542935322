package org.iocp4j;

/**
 * What a backend can do and see, as data: tests and callers branch on these flags, never on the
 * backend's class.
 *
 * @param enforcesConcurrency the concurrency maximum gates dispatch (R23-R27); Wine ignores it
 * @param countsActiveThreads {@link PortStats#activeThreads()} is reported
 * @param seesLibraryWaits waits on iocp4j's kernel objects, sleeps and {@link Blocking} give up the
 *     thread's slot (R26) and take it back (R27)
 * @param detectsThreadExit a dead associated thread stops counting as active (R29)
 * @param deterministic the same seed gives the same schedule (the simulator)
 * @param wakesLifo the most recent waiter is woken first (R14); Wine 8.0 wakes first-come-first-served
 * @param reportsEvents a {@link PortListener} sees the port's events (the kernel's port reports none)
 */
public record PortCapabilities(boolean enforcesConcurrency, boolean countsActiveThreads,
        boolean seesLibraryWaits, boolean detectsThreadExit, boolean deterministic, boolean wakesLifo,
        boolean reportsEvents) {}
