package org.iocp4j;

/**
 * How a dequeue ended: the cases of GetQueuedCompletionStatus (spec/iocp.md 1.10), told apart
 * without exceptions.
 *
 * <table>
 *   <caption>Outcome, entry contents and the Win32 result</caption>
 *   <tr><th>status</th><th>entry</th><th>Windows</th></tr>
 *   <tr><td>{@link #COMPLETED}</td><td>packet, error 0</td><td>TRUE (case A)</td></tr>
 *   <tr><td>{@link #FAILED}</td><td>packet, error != 0</td><td>FALSE, *ovl set (case B)</td></tr>
 *   <tr><td>{@link #TIMEOUT}</td><td>no packet</td><td>FALSE, WAIT_TIMEOUT (case C)</td></tr>
 *   <tr><td>{@link #ABANDONED}</td><td>no packet</td><td>FALSE, ERROR_ABANDONED_WAIT_0 (case D)</td></tr>
 *   <tr><td>{@link #INVALID_HANDLE}</td><td>no packet</td><td>FALSE, ERROR_INVALID_HANDLE (case E)</td></tr>
 * </table>
 */
public enum DequeueStatus {
    /** A packet of a successful operation or a posted packet was removed (case A). */
    COMPLETED(Win32Error.ERROR_SUCCESS),
    /** A packet of a failed operation was removed; its error is in the entry (case B). */
    FAILED(-1),
    /** Nothing could be removed before the timeout (R39, R40). */
    TIMEOUT(Win32Error.WAIT_TIMEOUT),
    /** The port was closed while this thread waited (R33). */
    ABANDONED(Win32Error.ERROR_ABANDONED_WAIT_0),
    /** The port was already closed when the call started (R36). */
    INVALID_HANDLE(Win32Error.ERROR_INVALID_HANDLE),
    /**
     * The calling thread was interrupted while nothing could be removed: Java's interrupt plays
     * the part of a user APC ending an alertable wait (R49, WAIT_IO_COMPLETION). A packet that can
     * be removed wins over the interrupt; the interrupt flag stays set.
     */
    INTERRUPTED(Win32Error.WAIT_IO_COMPLETION);

    private final int win32Error;

    DequeueStatus(int win32Error) {
        this.win32Error = win32Error;
    }

    /** True when a packet was removed ({@link #COMPLETED} or {@link #FAILED}). */
    public boolean hasPacket() {
        return this == COMPLETED || this == FAILED;
    }

    /**
     * The Win32 error GetLastError would give; for {@link #FAILED} that is the packet's error,
     * so read {@link CompletionEntry#error()} instead (this returns -1).
     */
    public int win32Error() {
        return win32Error;
    }
}
