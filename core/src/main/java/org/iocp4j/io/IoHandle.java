package org.iocp4j.io;

import org.iocp4j.CompletionPort;

/**
 * A handle opened for overlapped I/O: a socket, a listening socket or a file. Operations answer
 * like Win32: {@link org.iocp4j.Win32Error#ERROR_SUCCESS} (done now), {@link
 * org.iocp4j.Win32Error#ERROR_IO_PENDING} (its packet comes later), or another Win32 error (failed
 * now, no packet: R52). A pending operation and a synchronous success queue exactly one packet to
 * the associated port (R51, R53), unless skip-on-success is set for the synchronous case (R56).
 *
 * <p>Thread safety: all methods may be called from any thread; operations of one direction
 * (reads, or writes) complete in the order they were issued.
 */
public interface IoHandle extends AutoCloseable {

    /** FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: no packet for an operation that succeeds at once (R56). */
    int SKIP_COMPLETION_PORT_ON_SUCCESS = 0x1;
    /** FILE_SKIP_SET_EVENT_ON_HANDLE (R62): accepted and remembered; iocp4j handles have no event. */
    int SKIP_SET_EVENT_ON_HANDLE = 0x2;

    /**
     * Associates the handle with {@code port} and {@code key} (CreateIoCompletionPort with a file):
     * every later completion goes there, and so does that of an operation already pending (R11).
     *
     * @throws IllegalStateException with ERROR_INVALID_PARAMETER if already associated (R9)
     * @throws IllegalArgumentException if the port belongs to another backend
     */
    void associate(CompletionPort port, long key);

    /**
     * FileReplaceCompletionInformation (R74, R75): moves the association to {@code port} (null
     * removes it) and clears the skip modes.
     *
     * @throws IllegalStateException if the handle was never associated, or I/O is pending (R75)
     */
    void replacePort(CompletionPort port, long key);

    /** Adds notification modes (R59: they accumulate and cannot be removed; 0 changes nothing). */
    void setCompletionNotificationModes(int modes);

    /** The modes set so far. */
    int completionNotificationModes();

    /**
     * CancelIoEx(h, overlapped): cancels the pending operation issued with {@code overlapped}; it
     * completes with ERROR_OPERATION_ABORTED and its packet is queued as usual (R64, R65).
     *
     * @return 0, or ERROR_NOT_FOUND if no such operation is pending (R68)
     */
    int cancel(Overlapped overlapped);

    /**
     * CancelIoEx(h, NULL): cancels every pending operation of this handle.
     *
     * @return 0, or ERROR_NOT_FOUND if none was pending (R68)
     */
    int cancelAll();

    /** True once closed. */
    boolean isClosed();

    /**
     * Closes the handle; each pending operation completes with its object's error and queues its
     * packet (R71); nothing is queued when none is pending (R73). Idempotent.
     */
    @Override
    void close();
}
