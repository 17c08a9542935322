package org.iocp4j.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.iocp4j.Win32Error;
import org.iocp4j.internal.io.EmulatedIoHandle;
import org.iocp4j.internal.io.PendingOp;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.FileRules;
import org.iocp4j.io.Overlapped;

/**
 * A file for overlapped I/O: positional reads and writes on a JDK {@link FileChannel}, run by the
 * bounded {@link FileHelpers} pool (epoll and kqueue cannot watch regular files). Every read and
 * write is pending and completes by packet; a direct buffer is read into without a copy. A read
 * on a file opened without READ, or a write without WRITE, fails at once with
 * ERROR_ACCESS_DENIED and queues nothing (R52).
 */
final class PooledAsyncFile extends EmulatedIoHandle implements AsyncFile {
    private final String backend;
    private final Path path;
    private final FileChannel channel;
    private final boolean readable;
    private final boolean writable;

    PooledAsyncFile(String backend, Path path, FileChannel channel, boolean readable, boolean writable) {
        this.backend = backend;
        this.path = path;
        this.channel = channel;
        this.readable = readable;
        this.writable = writable;
    }

    @Override
    protected String backend() {
        return backend;
    }

    @Override
    protected void arm(PendingOp.Direction direction) {
        // file operations never wait for readiness: they run on the helper pool
    }

    @Override
    protected void release() {
        try {
            channel.close(); // no helper is inside it: close waited for each running operation
        } catch (IOException e) {
            // the handle is gone either way
        }
    }

    @Override
    public int read(ByteBuffer dst, long position, Overlapped overlapped) {
        FileRules.checkRead(dst, position, overlapped);
        if (!readable) {
            return refuse(overlapped);
        }
        FileOp op = new FileOp(this, channel, dst, position, false, overlapped);
        return submitAsync(op, () -> FileHelpers.run(op));
    }

    @Override
    public int write(ByteBuffer src, long position, Overlapped overlapped) {
        FileRules.checkWrite(src, position, overlapped);
        if (!writable) {
            return refuse(overlapped);
        }
        FileOp op = new FileOp(this, channel, src, position, true, overlapped);
        return submitAsync(op, () -> FileHelpers.run(op));
    }

    /**
     * Asked on a thread nobody interrupts: FileChannel.size() is interruptible, and on a caller
     * whose interrupt is set it would close the channel (ClosedByInterruptException) under every
     * user of this file. Waits for the answer without minding interrupts (the flag stays set).
     */
    @Override
    public long size() {
        if (isClosed()) {
            throw new IllegalStateException("the file is closed (ERROR_INVALID_HANDLE)");
        }
        CompletableFuture<Long> size = new CompletableFuture<>();
        Thread.ofVirtual().name("iocp4j-file-size").start(() -> {
            try {
                size.complete(channel.size());
            } catch (Throwable t) {
                size.completeExceptionally(t);
            }
        });
        try {
            return size.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ClosedChannelException) {
                throw new IllegalStateException("the file is closed (ERROR_INVALID_HANDLE)");
            }
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : e;
        }
    }

    /** A helper finished {@code op}. */
    void finish(FileOp op, int result) {
        finishAsync(op, result);
    }

    @Override
    public String toString() {
        return "AsyncFile[" + backend + ", " + path + (isClosed() ? ", closed]" : "]");
    }

    /**
     * An operation the file's access mode forbids fails at once and queues nothing (R52). Not
     * through submit(): with file operations pending it would queue behind them, and file queues
     * are never retried by readiness.
     */
    private int refuse(Overlapped overlapped) {
        overlapped.begin(); // R67: an Overlapped in flight is refused first
        if (isClosed()) {
            overlapped.abandon();
            return Win32Error.ERROR_INVALID_HANDLE;
        }
        overlapped.complete(0, Win32Error.ERROR_ACCESS_DENIED);
        return Win32Error.ERROR_ACCESS_DENIED;
    }
}
