package org.iocp4j.windows;

import org.iocp4j.Win32Error;

/**
 * A Win32 call of the windows backend failed in a way the port API has no outcome for: the
 * message names the call, the error's Windows name and its number, e.g.
 * {@code PostQueuedCompletionStatus failed: ERROR_INVALID_HANDLE (6)}.
 */
public final class WindowsPortException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int win32Error;

    /**
     * @param call the Win32 function that failed
     * @param win32Error its GetLastError
     * @param detail what it was doing, or null
     */
    public WindowsPortException(String call, int win32Error, String detail) {
        super(call + " failed: " + Win32Error.describe(win32Error) + (detail == null ? "" : "; " + detail));
        this.win32Error = win32Error;
    }

    /** The Win32 error number, as GetLastError gave it. */
    public int win32Error() {
        return win32Error;
    }
}
