package org.iocp4j;

import java.util.concurrent.TimeUnit;
import org.iocp4j.io.IoFactory;

/**
 * An I/O completion port with the Windows kernel's rules (spec/iocp.md): a FIFO queue of
 * packets, a LIFO stack of waiting threads, and a concurrency maximum on the number of
 * associated threads that are active.
 *
 * <h2>The rules in short</h2>
 * <ul>
 *   <li>A thread becomes associated with the port on its first dequeue, even one that times
 *       out (R20), and with at most one port (R21): dequeuing on another port moves it (R30).</li>
 *   <li>A packet is handed straight to the most recently waiting thread if fewer associated
 *       threads than the maximum are active (R14, R15); otherwise it is queued.</li>
 *   <li>A running associated thread that dequeues again takes the next queued packet at once,
 *       ahead of sleeping waiters (R22); a thread that would push the active count over the
 *       maximum waits although packets are queued (R23).</li>
 *   <li>An associated thread that blocks on an iocp4j kernel object, sleeps through iocp4j or
 *       runs {@link Blocking} code gives up its slot (R26) and takes it back when the wait
 *       ends, even over the maximum (R27).</li>
 *   <li>Closing the port wakes every waiter with {@link DequeueStatus#ABANDONED} (R33); a
 *       packet already handed to a woken thread is still delivered (R37).</li>
 * </ul>
 *
 * <h2>A worker loop</h2>
 * <pre>{@code
 * try (CompletionPort port = CompletionPorts.open(2)) {
 *     // on each worker thread:
 *     CompletionEntry entry = new CompletionEntry();
 *     while (true) {
 *         DequeueStatus s = port.dequeue(entry);
 *         if (!s.hasPacket()) break;              // ABANDONED or INVALID_HANDLE: port closed; INTERRUPTED
 *         if (s == DequeueStatus.FAILED) handleError(entry.overlapped(), entry.error());
 *         else handle(entry.key(), entry.bytes(), entry.overlapped());
 *     }
 * }
 * }</pre>
 *
 * <h2>Threading and memory effects</h2>
 * All methods may be called from any thread. Actions of a thread before it posts a packet
 * happen-before the actions of the thread that removes that packet after its dequeue returns.
 * Close happens-before every dequeue that returns ABANDONED or INVALID_HANDLE because of it.
 *
 * <h2>Differences from Windows</h2>
 * The Windows kernel sees every wait of every thread; Java does not. Emulating backends (see
 * {@link #capabilities()}) see exactly the waits on iocp4j's kernel objects, iocp4j sleeps and
 * {@link Blocking} sections. Other blocking (a JDK lock, blocking JDK I/O) keeps the thread
 * counted as active unless {@link PortOptions#watchThreadStates()} is on, in which case it is
 * noticed within about one {@link PortOptions#watchdogPeriod()} while packets wait. A thread's
 * exit (R29) is likewise noticed by that watchdog. Alertable waits and APCs (R49) are not
 * modelled: interrupting a waiting Java thread ends its dequeue with
 * {@link DequeueStatus#INTERRUPTED}, as WAIT_IO_COMPLETION ends an alertable one. Packets carry
 * Win32 error numbers, not NTSTATUS values. On the epoll and kqueue backends an operation
 * completes when somebody polls readiness: usually a waiting worker; when none polls (all busy),
 * a backstop thread takes over within milliseconds, so a completion can be queued a little later
 * than the kernel would queue it on Windows.
 */
public interface CompletionPort extends AutoCloseable {

    /** A timeout meaning "wait forever" (INFINITE), valid with any unit. */
    long INFINITE = Long.MAX_VALUE;

    /** The backend's name, e.g. {@code "java"}, {@code "epoll"}, {@code "windows"}, {@code "sim"}. */
    String backend();

    /** What this backend enforces and reports. */
    PortCapabilities capabilities();

    /** The concurrency maximum (R1: the number of processors when opened with 0). */
    int concurrency();

    /**
     * Queues a packet, as PostQueuedCompletionStatus: the values are not interpreted and come back
     * verbatim with error 0 (R16). Never blocks.
     *
     * @throws PortClosedException if the port is closed (R19)
     */
    void post(long key, int bytes, Object overlapped);

    /** Removes one packet, waiting as long as it takes; see {@link #dequeue(CompletionEntry, long, TimeUnit)}. */
    DequeueStatus dequeue(CompletionEntry into);

    /**
     * Removes one packet, as GetQueuedCompletionStatus; associates the calling thread (R20).
     * Allocates nothing.
     *
     * @param into receives the packet; untouched but for {@code overlapped = null} when none (R40)
     * @param timeout how long to wait: 0 never waits (R39), {@link #INFINITE} waits forever
     * @return the outcome (spec 1.10)
     * @throws IllegalArgumentException if timeout is negative
     * @throws NullPointerException if into or unit is null
     */
    DequeueStatus dequeue(CompletionEntry into, long timeout, TimeUnit unit);

    /** Removes up to {@code limit} packets, waiting as long as it takes; see {@link #poll(CompletionHandler, int, long, TimeUnit)}. */
    DequeueStatus poll(CompletionHandler handler, int limit);

    /**
     * Removes up to {@code limit} packets, as GetQueuedCompletionStatusEx: takes what is queued
     * without waiting to fill the batch (R47), or waits for the first packet. Each entry goes to
     * {@code handler}, FIFO (R48), on this thread, after the port's lock is released. If the
     * handler throws, the remaining entries are still delivered and the first exception is then
     * rethrown. Allocates nothing in steady state.
     *
     * @return {@link DequeueStatus#COMPLETED} when one or more entries were delivered, even for
     *     failed operations (R44); otherwise TIMEOUT, ABANDONED or INVALID_HANDLE (R45)
     * @throws IllegalArgumentException if limit &lt; 1 (R45) or timeout is negative
     * @throws NullPointerException if handler or unit is null
     */
    DequeueStatus poll(CompletionHandler handler, int limit, long timeout, TimeUnit unit);

    /**
     * Opens sockets and files of this port's backend, for overlapped I/O completing to ports of
     * that backend.
     *
     * @throws UnsupportedOperationException if the backend has no I/O (the {@code "java"} backend);
     *     the message lists the backends present and why any is unavailable
     */
    default IoFactory io() {
        throw new UnsupportedOperationException("backend '" + backend() + "' has no I/O; open the port on an "
                + "I/O backend (epoll, kqueue, windows or sim: add its module). Backends here: "
                + CompletionPorts.describe());
    }

    /** A snapshot of the port's counters. */
    PortStats stats();

    /** True once {@link #close()} was called. */
    boolean isClosed();

    /**
     * Closes the port: waiters return {@link DequeueStatus#ABANDONED} (R33), later calls
     * {@link DequeueStatus#INVALID_HANDLE} (R36), queued packets are dropped (R38). Idempotent.
     */
    @Override
    void close();
}
