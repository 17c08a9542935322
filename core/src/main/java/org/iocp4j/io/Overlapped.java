package org.iocp4j.io;

import java.util.concurrent.atomic.AtomicInteger;
import org.iocp4j.Win32Error;

/**
 * The caller's context for one overlapped operation, as OVERLAPPED is in Win32: pass one to each
 * read, write, connect or accept, and the packet of that operation carries it back as
 * {@link org.iocp4j.CompletionEntry#overlapped()}. Subclass it (or use {@link #attach}) to keep
 * your per-operation state next to it, as C programs embed OVERLAPPED in a larger struct.
 *
 * <p>An Overlapped is in flight from the call that issues the operation until its completion
 * arrives (R67): until its packet is dequeued, or, for an operation that completes without a
 * packet (a synchronous failure, R52, or a synchronous success in skip mode, R56), until the call
 * returns. Issuing another operation with it meanwhile throws {@link IllegalStateException}
 * (Windows would corrupt memory). Every backend keeps this rule, so code that reuses an
 * Overlapped too early fails the same way on Linux as on Windows.
 *
 * <p>Thread safety: the in-flight state is atomic. {@link #bytesTransferred()} and
 * {@link #error()} are written before the packet is queued, so they are visible to the thread
 * that dequeues it.
 */
public class Overlapped {
    private static final int IDLE = 0;
    private static final int IN_FLIGHT = 1;
    /** Completed; its packet is queued and not yet dequeued. */
    private static final int PACKET_QUEUED = 2;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile int bytesTransferred;
    private volatile int error;
    private volatile Object attachment;
    /** The backend's per-operation state (a native OVERLAPPED on Windows). */
    private volatile Object backendState;

    /** A free Overlapped. */
    public Overlapped() {
        // nothing in flight
    }

    /** An Overlapped carrying {@code attachment}. */
    public Overlapped(Object attachment) {
        this.attachment = attachment;
    }

    /** Bytes transferred by the last completed operation (InternalHigh). */
    public final int bytesTransferred() {
        return bytesTransferred;
    }

    /** Win32 error of the last completed operation, 0 for success (Internal, mapped). */
    public final int error() {
        return error;
    }

    /** True from the call that issues an operation until its completion arrives (see the class comment). */
    public final boolean isInFlight() {
        return state.get() != IDLE;
    }

    public final Object attachment() {
        return attachment;
    }

    public final void attach(Object attachment) {
        this.attachment = attachment;
    }

    /**
     * Backends: marks the start of an operation.
     *
     * @throws IllegalStateException if an operation with this Overlapped is still in flight
     */
    public final void begin() {
        if (!state.compareAndSet(IDLE, IN_FLIGHT)) {
            throw new IllegalStateException("this Overlapped is still in flight: wait for its packet before "
                    + "reusing it, or use another one (R67)");
        }
    }

    /** Backends: records the result of an operation that completes without a packet, and frees the Overlapped. */
    public final void complete(int bytes, int win32Error) {
        this.bytesTransferred = bytes;
        this.error = win32Error;
        state.set(IDLE);
    }

    /**
     * Backends: records the result of an operation whose packet is about to be queued; call before
     * queuing it. The Overlapped stays in flight until {@link #packetDequeued()}.
     */
    public final void completeWithPacket(int bytes, int win32Error) {
        this.bytesTransferred = bytes;
        this.error = win32Error;
        state.set(PACKET_QUEUED);
    }

    /**
     * Backends: this Overlapped's packet was dequeued, or will never be (the port is gone): it is
     * free. Does nothing unless a packet of its own was queued, so a packet someone posted with it
     * leaves an operation in flight alone.
     */
    public final void packetDequeued() {
        state.compareAndSet(PACKET_QUEUED, IDLE);
    }

    /** Backends: the operation was never started (bad argument found after {@link #begin()}). */
    public final void abandon() {
        state.set(IDLE);
    }

    /** Backends only. */
    public final Object backendState() {
        return backendState;
    }

    /** Backends only. */
    public final void backendState(Object state) {
        this.backendState = state;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + (isInFlight() ? "[in flight]"
                : "[bytes=" + Integer.toUnsignedString(bytesTransferred) + ", error=" + Win32Error.describe(error) + "]");
    }
}
