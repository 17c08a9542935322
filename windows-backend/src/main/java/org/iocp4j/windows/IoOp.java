package org.iocp4j.windows;

import org.iocp4j.Win32Error;
import org.iocp4j.io.Overlapped;

/**
 * One overlapped operation: a block of native memory that the kernel writes into until the
 * operation's packet is dequeued, and what to do when it completes. The block:
 *
 * <pre>
 *   0  OVERLAPPED (32 bytes): Internal (the NTSTATUS), InternalHigh (bytes), Offset, OffsetHigh, hEvent
 *  32  the operation's slot in {@link OpTable} (a long)
 *  40  {@link OpTable#TAG} while the block is live, 0 once freed
 *  48  scratch: a DWORD of bytes out, a DWORD of flags (WSARecv's lpFlags)
 *  56  the operation's own area, {@link #areaSize()} bytes: WSABUFs, addresses, a copy of heap bytes
 * </pre>
 *
 * A packet carries the block's address as its OVERLAPPED pointer; the slot after the OVERLAPPED
 * maps it back to this object directly, so the dequeue never searches. The block lives until the
 * packet is dequeued, or, when no packet can come any more (no port, or the port closed), until the
 * kernel has finished with it (Internal is no longer STATUS_PENDING): see {@link OpTable}.
 *
 * <p>Fields marked "guarded by the handle" are read and written under {@link WindowsHandle#lock}.
 */
abstract class IoOp {
    static final long STATUS_PENDING = 0x103;
    static final int INTERNAL = 0;
    static final int INTERNAL_HIGH = 8;
    static final int OFFSET = 16;
    static final int OFFSET_HIGH = 20;
    static final int SLOT = 32;
    static final int TAG = 40;
    static final int SCRATCH = 48;
    static final int AREA = 56;

    final Overlapped overlapped;
    /** The handle the operation was issued on: its lock guards the operation, its CancelIoEx names it. */
    final WindowsHandle handle;
    /** The block, 0 before {@link OpTable#register} and after {@link OpTable#release}. */
    long address;
    int slot;
    /**
     * The port its packet goes to: the handle's port when issued, or the port it was associated
     * with later (R11); null for none. Written under the handle's lock; read by {@link OpTable}.
     */
    volatile WindowsCompletionPort port;
    /** The Overlapped was completed when the call returned (a synchronous success); its packet still comes. Guarded by the handle. */
    boolean completedEarly;
    /** The error an early completion reported, carried by its packet. Guarded by the handle. */
    int earlyError;
    /** Listed by {@link OpTable} as perhaps unreachable by any dequeue. Guarded by OpTable. */
    boolean candidate;
    /** Links in the handle's list of live operations. Guarded by the handle. */
    IoOp prev;
    IoOp next;
    boolean live;

    IoOp(WindowsHandle handle, Overlapped overlapped) {
        this.handle = handle;
        this.overlapped = overlapped;
    }

    /** Native bytes the operation needs after the header. */
    abstract int areaSize();

    /**
     * Under the handle's lock, before the block exists: gets the handle ready (a ConnectEx socket is
     * created and bound here). Returns 0, or the Win32 error of a synchronous failure.
     */
    int open() {
        return 0;
    }

    /** The Win32 error when the handle has no native handle yet (an unconnected socket: WSAENOTCONN). */
    int noHandleError() {
        return Win32Error.ERROR_INVALID_HANDLE;
    }

    /** Fills the block's area before the call (the OVERLAPPED is zero, Internal STATUS_PENDING). */
    void prepare() {
        // nothing by default
    }

    /** The Win32 call on {@code nativeHandle}: 0 if it succeeded at once, else its Win32 error (ERROR_IO_PENDING). */
    abstract int call(long nativeHandle);

    /**
     * The result is final (at once, by packet, or found by a sweep): move buffer positions, copy
     * heap bytes back, update socket contexts. Under the handle's lock; returns the error to report.
     */
    abstract int settle(int bytes, int error);

    /** The operation was refused before it started (closed handle, Overlapped in flight): undo {@link #open}'s promises. */
    void refused() {
        // nothing by default
    }

    final long area() {
        return address + AREA;
    }

    final long scratch() {
        return address + SCRATCH;
    }

    /** True once the kernel finished with the block: Internal is no longer STATUS_PENDING. */
    final boolean kernelDone() {
        return NativeMemory.getLong(address + INTERNAL) != STATUS_PENDING;
    }

    /** InternalHigh: the bytes of an operation that completed when its call returned (no allocation). */
    final int kernelBytes() {
        return (int) NativeMemory.getLong(address + INTERNAL_HIGH);
    }

    /**
     * Once {@link #kernelDone()}: the final status in Internal as a Win32 error, as
     * GetOverlappedResult reports it (spec 1.10): 0 for success or information, else
     * RtlNtStatusToDosError of the error or warning. With {@link #kernelBytes()}, the result of an
     * operation no packet can bring (no port, or the port is closed); a warning keeps its bytes.
     */
    final int kernelError() {
        int status = (int) NativeMemory.getLong(address + INTERNAL);
        return status >= 0 ? 0 : Ntdll.RtlNtStatusToDosError(status);
    }

    /**
     * After a call that returned neither success nor ERROR_IO_PENDING: true if the kernel completed
     * the operation with a warning (severity 2, e.g. STATUS_BUFFER_OVERFLOW, ERROR_MORE_DATA for a
     * message longer than the buffer). That is not an error, so data moved and, unless skip mode
     * applies, a packet is queued (spec 1.12); an error leaves Internal at STATUS_PENDING.
     */
    final boolean completedWithWarning() {
        return (int) NativeMemory.getLong(address + INTERNAL) >>> 30 == 2;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[0x" + Long.toHexString(address) + ", " + overlapped + "]";
    }
}
