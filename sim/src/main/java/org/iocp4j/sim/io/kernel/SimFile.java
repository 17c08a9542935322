package org.iocp4j.sim.io.kernel;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.iocp4j.Win32Error;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.FileRules;
import org.iocp4j.io.Overlapped;

/**
 * A simulated file for overlapped I/O. Every read and write is pending and completes by packet
 * after the disk's latency and transfer time, as on the epoll backend's helper pool. A read on a
 * file opened without READ, or a write without WRITE, fails at once with ERROR_ACCESS_DENIED and
 * queues nothing (R52).
 */
final class SimFile extends SimHandle implements AsyncFile {
    private final Path path;
    private final FileStore.Data data;
    private final boolean readable;
    private final boolean writable;
    private final boolean deleteOnClose;

    SimFile(SimKernel kernel, Path path, FileStore.Data data, boolean readable, boolean writable,
            boolean deleteOnClose) {
        super(kernel, "AsyncFile");
        this.path = path;
        this.data = data;
        this.readable = readable;
        this.writable = writable;
        this.deleteOnClose = deleteOnClose;
    }

    @Override
    protected void release() {
        kernel.unregister(id);
        if (deleteOnClose && kernel.isOurs()) {
            kernel.files.delete(path, data);
        }
    }

    @Override
    public int read(ByteBuffer dst, long position, Overlapped overlapped) {
        FileRules.checkRead(dst, position, overlapped);
        return issue(dst, position, overlapped, false, readable, "read");
    }

    @Override
    public int write(ByteBuffer src, long position, Overlapped overlapped) {
        FileRules.checkWrite(src, position, overlapped);
        return issue(src, position, overlapped, true, writable, "write");
    }

    private int issue(ByteBuffer buffer, long position, Overlapped overlapped, boolean write, boolean allowed,
            String what) {
        enter(what);
        if (!allowed) {
            return refuse(overlapped);
        }
        FileOp op = new FileOp(data, buffer, position, write, overlapped);
        return submitAsync(op, () -> schedule(op));
    }

    /** The operation's time: latency, transfer, and any injected delay. */
    private void schedule(FileOp op) {
        long transfer = (long) op.length() * 1_000_000_000L / kernel.optionsValue().fileBytesPerSecond();
        kernel.after(kernel.optionsValue().fileLatencyNanos() + transfer + kernel.faults.delay(), () -> finish(op));
    }

    /** On the kernel thread. With an injected cancel race, a cancel arrives at the same instant, before or after. */
    private void finish(FileOp op) {
        if (op.isEnded()) {
            return; // cancelled or aborted by close meanwhile
        }
        int race = kernel.faults.cancelRace();
        if (race == 1) {
            cancel(op.overlapped());
        }
        if (!op.isEnded()) {
            finishAsync(op, op.perform());
        }
        if (race == 2) {
            cancel(op.overlapped()); // finds nothing: the operation is done
        }
    }

    @Override
    public long size() {
        synchronized (lock) {
            if (isClosed()) {
                throw new IllegalStateException("the file is closed (ERROR_INVALID_HANDLE)");
            }
            return data.size();
        }
    }

    /**
     * An operation the file's access mode forbids fails at once and queues nothing (R52); not
     * through submit, so it never waits behind operations already pending.
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

    @Override
    public String toString() {
        return "file#" + id + "[" + path + "]" + (isClosed() ? "(closed)" : "");
    }
}
