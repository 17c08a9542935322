package org.iocp4j.sync;

import org.iocp4j.Win32Error;

/**
 * A kernel-object call that Windows fails with a Win32 error because of the object's state: a
 * mutex released by a thread that does not own it ({@link Win32Error#ERROR_NOT_OWNER}), a
 * semaphore released beyond its maximum ({@link Win32Error#ERROR_TOO_MANY_POSTS}). The object is
 * left as it was.
 */
public final class KernelObjectException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int error;

    /** An exception for {@code error}, with {@code detail} saying what was wrong and what to do. */
    public KernelObjectException(int error, String detail) {
        super(Win32Error.describe(error) + ": " + detail);
        this.error = error;
    }

    /** The Win32 error Windows would report through GetLastError. */
    public int error() {
        return error;
    }
}
