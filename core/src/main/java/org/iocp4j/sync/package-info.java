/**
 * Kernel objects with the Windows rules: {@link org.iocp4j.sync.Event} (manual and auto reset),
 * {@link org.iocp4j.sync.Semaphore}, {@link org.iocp4j.sync.Mutex} (owned, recursive, abandoned
 * when its owner ends), {@link org.iocp4j.sync.WaitableTimer}, {@link org.iocp4j.sync.Sleep}, and
 * waits on one or up to 64 objects ({@link org.iocp4j.sync.Waits}).
 *
 * <p>A thread associated with a completion port that blocks in any of these gives up its active
 * slot, which may release a waiting thread to a queued packet (R26); when the wait ends it counts
 * as active again, even over the port's maximum (R27).
 */
package org.iocp4j.sync;
