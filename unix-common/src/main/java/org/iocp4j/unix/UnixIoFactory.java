package org.iocp4j.unix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.iocp4j.internal.EmulatedCompletionPort;
import org.iocp4j.io.AsyncFile;
import org.iocp4j.io.AsyncServerSocket;
import org.iocp4j.io.AsyncSocket;
import org.iocp4j.io.IoFactory;

/**
 * The handles of one port of a readiness backend. They are not associated with any port yet:
 * call {@link org.iocp4j.io.IoHandle#associate}, as CreateIoCompletionPort must be called on
 * Windows. Every handle is overlapped: there is no synchronous mode to open.
 */
final class UnixIoFactory implements IoFactory {
    private final UnixBackend backend;
    private final EmulatedCompletionPort port;
    private final Poller poller;

    UnixIoFactory(UnixBackend backend, EmulatedCompletionPort port, Poller poller) {
        this.backend = backend;
        this.port = port;
        this.poller = poller;
    }

    @Override
    public AsyncSocket openSocket() {
        checkOpen();
        return new UnixAsyncSocket(backend, poller);
    }

    @Override
    public AsyncServerSocket openServerSocket() {
        checkOpen();
        return new UnixAsyncServerSocket(backend, poller);
    }

    @Override
    public AsyncFile openFile(Path path, OpenOption... options) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        Set<OpenOption> set = new HashSet<>();
        for (int i = 0; i < options.length; i++) {
            OpenOption o = Objects.requireNonNull(options[i], "options[" + i + "]");
            if (o == StandardOpenOption.APPEND) {
                throw new IllegalArgumentException("APPEND: overlapped writes always name their offset, and O_APPEND "
                        + "would ignore it; to append, write at size()");
            }
            set.add(o);
        }
        checkOpen();
        boolean writable = set.contains(StandardOpenOption.WRITE);
        boolean readable = set.contains(StandardOpenOption.READ) || !writable;
        FileChannel channel = FileChannel.open(path, set);
        return new PooledAsyncFile(backend.name(), path, channel, readable, writable);
    }

    private void checkOpen() {
        if (port.isClosed()) {
            throw new IllegalStateException("the port is closed (ERROR_INVALID_HANDLE): open handles through an "
                    + "open port's io()");
        }
    }

    @Override
    public String toString() {
        return "IoFactory[" + backend.name() + "]";
    }
}
