package org.iocp4j.windows;

import java.nio.ByteBuffer;
import org.iocp4j.io.Overlapped;

/**
 * WSARecv, WSASend, ReadFile or WriteFile with the caller's buffers. A direct buffer is handed to
 * the kernel in place (the operation holds it, so it stays allocated until the operation is
 * finished); a heap buffer goes through a copy in the operation's native area, filled before a
 * write and copied back when a read completes. WSABUFs sit in the area too. Positions move by the
 * bytes transferred when the operation is finished.
 */
final class BufferOp extends IoOp {
    /** The most a heap-buffer socket read asks for at once (a short read, which TCP allows). */
    static final int HEAP_SOCKET_READ_MAX = 64 << 10;
    private static final int WSABUF_SIZE = 16;

    enum Kind {
        RECV(true), SEND(false), READ_FILE(true), WRITE_FILE(false);

        final boolean reads;

        Kind(boolean reads) {
            this.reads = reads;
        }
    }

    private final Kind kind;
    private final ByteBuffer[] buffers;
    private final int[] starts;
    private final int[] lengths;
    private final long filePosition;
    /** One heap (or read-only heap) buffer copied through the area, after the WSABUFs. */
    private final boolean copied;
    private final int total;

    private BufferOp(WindowsHandle handle, Overlapped overlapped, Kind kind, ByteBuffer[] buffers, long filePosition,
            int maxSingle) {
        super(handle, overlapped);
        this.kind = kind;
        this.buffers = buffers;
        this.filePosition = filePosition;
        this.starts = new int[buffers.length];
        this.lengths = new int[buffers.length];
        int sum = 0;
        for (int i = 0; i < buffers.length; i++) {
            starts[i] = buffers[i].position();
            lengths[i] = buffers.length == 1 ? Math.min(buffers[i].remaining(), maxSingle) : buffers[i].remaining();
            sum += lengths[i];
        }
        this.total = sum;
        this.copied = buffers.length == 1 && !buffers[0].isDirect();
    }

    /** A read or write of one buffer; heap buffers are copied (socket reads of a heap buffer at most {@link #HEAP_SOCKET_READ_MAX}). */
    static BufferOp single(WindowsHandle handle, Overlapped ov, Kind kind, ByteBuffer buffer, long filePosition) {
        int max = kind == Kind.RECV && !buffer.isDirect() ? HEAP_SOCKET_READ_MAX : Integer.MAX_VALUE;
        return new BufferOp(handle, ov, kind, new ByteBuffer[] {buffer}, filePosition, max);
    }

    /** Scatter or gather over direct buffers (checked by {@link BufferChecks}). */
    static BufferOp vector(WindowsHandle handle, Overlapped ov, Kind kind, ByteBuffer[] buffers) {
        return new BufferOp(handle, ov, kind, buffers.clone(), 0, Integer.MAX_VALUE);
    }

    @Override
    int areaSize() {
        return WSABUF_SIZE * buffers.length + (copied ? total : 0);
    }

    @Override
    int noHandleError() {
        return kind == Kind.RECV || kind == Kind.SEND ? org.iocp4j.Win32Error.WSAENOTCONN : super.noHandleError();
    }

    private long copyArea() {
        return area() + (long) WSABUF_SIZE * buffers.length;
    }

    @Override
    void prepare() {
        NativeMemory.putInt(address + OFFSET, (int) filePosition);
        NativeMemory.putInt(address + OFFSET_HIGH, (int) (filePosition >>> 32));
        for (int i = 0; i < buffers.length; i++) {
            long wsabuf = area() + (long) WSABUF_SIZE * i;
            NativeMemory.putInt(wsabuf, lengths[i]);
            NativeMemory.putLong(wsabuf + 8, copied ? copyArea() : NativeMemory.addressOf(buffers[i]) + starts[i]);
        }
        if (copied && !kind.reads && total > 0) {
            NativeMemory.view(copyArea(), total).put(0, buffers[0], starts[0], total);
        }
    }

    @Override
    int call(long h) {
        long first = buffers.length == 0 ? 0 : NativeMemory.getLong(area() + 8); // the files' one buffer
        return switch (kind) {
            case RECV -> Ws2_32.WSARecv(h, area(), buffers.length, 0, scratch() + 4, address, 0) == 0
                    ? 0 : WinsockErrors.toWin32(Ws2_32.lastError());
            case SEND -> Ws2_32.WSASend(h, area(), buffers.length, 0, 0, address, 0) == 0
                    ? 0 : WinsockErrors.toWin32(Ws2_32.lastError());
            case READ_FILE -> Kernel32.ReadFile(h, first, total, 0, address) != 0 ? 0 : Kernel32.lastError();
            case WRITE_FILE -> Kernel32.WriteFile(h, first, total, 0, address) != 0 ? 0 : Kernel32.lastError();
        };
    }

    @Override
    int settle(int bytes, int error) {
        int moved = Math.max(0, Math.min(bytes, total));
        if (copied && kind.reads && moved > 0) {
            buffers[0].put(starts[0], NativeMemory.view(copyArea(), moved), 0, moved);
        }
        int left = moved;
        for (int i = 0; i < buffers.length; i++) {
            int n = Math.min(left, lengths[i]);
            buffers[i].position(starts[i] + n);
            left -= n;
        }
        return error;
    }
}
