package org.iocp4j;

/**
 * Thrown when a port that was closed is used to post (R19, R36: Windows fails the call with
 * ERROR_INVALID_HANDLE). Dequeue calls do not throw: they return
 * {@link DequeueStatus#INVALID_HANDLE} or {@link DequeueStatus#ABANDONED}.
 */
public final class PortClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public PortClosedException(String message) {
        super(message);
    }

    /** Always {@link Win32Error#ERROR_INVALID_HANDLE}. */
    public int win32Error() {
        return Win32Error.ERROR_INVALID_HANDLE;
    }
}
