package org.iocp4j.unix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * ReadFile / WriteFile at an offset, run on a {@link FileHelpers} thread; always pending, so its
 * result (EOF included, R53) comes as a packet. Cancel and close must not leave a helper touching
 * the caller's buffer after the operation completed: an operation not yet started is dropped; one
 * already in its syscall is waited for (a cancel then returns after at most one file syscall).
 */
final class FileOp extends PendingOp implements Runnable {
    private static final System.Logger LOG = System.getLogger(FileOp.class.getName());
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int DROPPED = 3;

    private final PooledAsyncFile owner;
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private final ByteBuffer view;
    private final long offset;
    private final boolean write;
    /** Guarded by this. */
    private int state = QUEUED;
    /** Bytes really moved; written by the helper before DONE, read after it. */
    private int moved;
    /** The helper's result ({@link #attempt()}'s form); written before DONE, read after it. */
    private int result;

    FileOp(PooledAsyncFile owner, FileChannel channel, ByteBuffer buffer, long offset, boolean write, Overlapped ov) {
        super(ov, write ? Direction.WRITE : Direction.READ);
        this.owner = owner;
        this.channel = channel;
        this.buffer = buffer;
        this.view = buffer.duplicate();
        this.offset = offset;
        this.write = write;
    }

    @Override
    protected int attempt() {
        return WOULD_BLOCK; // never tried inline: issued with submitAsync, finished by run()
    }

    /** On a helper thread. */
    @Override
    public void run() {
        synchronized (this) {
            if (state != QUEUED) {
                return; // cancelled or closed before it started
            }
            state = RUNNING;
        }
        int result = -Win32Error.ERROR_GEN_FAILURE;
        try {
            result = write ? writeAll() : readSome();
            this.result = result;
        } catch (Error e) { // the JDK's temporary native buffer for a heap buffer, say: still one packet (R53)
            result = -(e instanceof OutOfMemoryError ? Win32Error.ERROR_NOT_ENOUGH_MEMORY : Win32Error.ERROR_GEN_FAILURE);
            this.result = result;
            LOG.log(System.Logger.Level.ERROR, "a file " + (write ? "write" : "read") + " failed", e);
        } finally {
            synchronized (this) {
                state = DONE;
                notifyAll();
            }
        }
        owner.finish(this, result);
    }

    private int readSome() {
        long room = Long.MAX_VALUE - offset; // the end of any file, short of which the kernel refuses (EINVAL)
        if (view.remaining() > room) {
            view.limit(view.position() + (int) room);
        }
        try {
            while (view.hasRemaining()) {
                int n = channel.read(view, offset + moved);
                if (n < 0) {
                    break;
                }
                moved += n;
            }
            return moved > 0 ? moved : -Win32Error.ERROR_HANDLE_EOF; // at or past the end (R53)
        } catch (IOException | RuntimeException e) {
            return moved > 0 ? moved : -FileErrors.of(e);
        }
    }

    private int writeAll() {
        if (view.remaining() > Long.MAX_VALUE - offset) {
            return -Win32Error.ERROR_FILE_TOO_LARGE; // past the largest offset there is: nothing written
        }
        try {
            while (view.hasRemaining()) {
                moved += channel.write(view, offset + moved);
            }
            return moved;
        } catch (IOException | RuntimeException e) {
            return -FileErrors.of(e);
        }
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_OPERATION_ABORTED;
    }

    /**
     * Under the handle's lock, cancelled or closed: one not yet started is dropped (the abort
     * stands); one inside its syscall is waited for and reports what it did, since it finished
     * before the cancel could stop it (R66), so its packet's bytes are what moved.
     */
    @Override
    protected int stopped(int abortResult) {
        return stopHelper() == DONE ? result : abortResult;
    }

    /** Under the handle's lock: keep the helper off the buffer from now on, then settle its position. */
    @Override
    protected void completed(int bytes, int error) {
        stopHelper();
        buffer.position(buffer.position() + moved);
    }

    /**
     * Drops the operation if no helper took it yet, else waits (not minding interrupts, whose flag
     * it leaves set) until its helper is done with it. Returns the state then: DROPPED or DONE.
     */
    private int stopHelper() {
        boolean interrupted = false;
        int s;
        synchronized (this) {
            if (state == QUEUED) {
                state = DROPPED;
            }
            while (state == RUNNING) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            s = state;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return s;
    }

    /** File errors carry no errno in the JDK; the few that matter are told by their type. */
    static final class FileErrors {
        private FileErrors() {}

        static int of(Throwable e) {
            if (e instanceof ClosedChannelException) {
                return Win32Error.ERROR_INVALID_HANDLE;
            }
            String m = String.valueOf(e.getMessage());
            if (m.contains("No space left")) {
                return Win32Error.ERROR_DISK_FULL;
            }
            if (m.contains("File too large")) {
                return Win32Error.ERROR_FILE_TOO_LARGE;
            }
            return Win32Error.ERROR_GEN_FAILURE;
        }
    }
}
