package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.Overlapped;

/**
 * ReadFile / WriteFile at an offset: always pending; the kernel moves the bytes when the
 * operation's time comes, and its result (EOF included, R53) comes as a packet. An operation
 * cancelled or aborted by close before then moves nothing.
 */
final class FileOp extends PendingOp {
    private final FileStore.Data data;
    private final ByteBuffer buffer;
    private final long offset;
    private final boolean write;
    /** Completed (done, cancelled or aborted): the kernel must not touch the buffer any more. */
    private boolean ended;
    private int moved;

    FileOp(FileStore.Data data, ByteBuffer buffer, long offset, boolean write, Overlapped overlapped) {
        super(overlapped, write ? Direction.WRITE : Direction.READ);
        this.data = data;
        this.buffer = buffer;
        this.offset = offset;
        this.write = write;
    }

    /** Bytes the operation asks to move. */
    int length() {
        return buffer.remaining();
    }

    boolean isEnded() {
        return ended;
    }

    @Override
    protected int attempt() {
        return WOULD_BLOCK; // never tried inline: issued with submitAsync, finished by the kernel
    }

    /** Moves the bytes now; the result as {@link #attempt()} gives it. */
    int perform() {
        ByteBuffer view = buffer.duplicate();
        int n = write ? data.write(offset, view) : data.read(offset, view);
        if (n < 0) {
            return write ? -Win32Error.ERROR_FILE_TOO_LARGE : -Win32Error.ERROR_HANDLE_EOF; // R53: by packet
        }
        moved = n;
        return n;
    }

    @Override
    protected int closeError() {
        return Win32Error.ERROR_OPERATION_ABORTED;
    }

    @Override
    protected void completed(int bytes, int error) {
        ended = true;
        buffer.position(buffer.position() + moved);
    }
}
